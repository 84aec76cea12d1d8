/** Result lists, shared by the header panel and the search page. */
import type { Hit } from './engine';
import { ui } from '../i18n/ui';
import { highlightHref } from '../utils/routes';

/**
 * Link to a section that marks the search terms on arrival (see highlight.ts). A unit inside
 * a page (the preface, /2023/#preface) is linked as it is.
 */
export function hitHref(hit: Hit, terms: string[]): string {
  return hit.url.includes('#') ? hit.url : highlightHref(hit.url, terms);
}

export function renderHits(list: HTMLOListElement, hits: Hit[], terms: string[]): void {
  list.replaceChildren(
    ...hits.map((hit) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = hitHref(hit, terms);
      a.className = 'result-title';
      a.textContent = `${ui.yearLabel(hit.year)} · ${hit.title}`;
      const p = document.createElement('p');
      p.className = 'result-excerpt';
      // engine.excerpt escapes the text; the only markup is <mark>.
      p.innerHTML = hit.excerpt;
      li.append(a, p);
      return li;
    }),
  );
}
