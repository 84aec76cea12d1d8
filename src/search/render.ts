/** Result lists, shared by the header panel and the search page. */
import type { ShownHit } from './client';
import type { Say } from './messages';
import { highlightHref } from '../utils/routes';

/**
 * Link to a section that marks the search terms on arrival (see highlight.ts). A unit inside
 * a page (the preface, /2023/#preface) is linked as it is.
 */
export function hitHref(hit: Pick<ShownHit, 'url'>, terms: readonly string[]): string {
  return hit.url.includes('#') || !terms.length ? hit.url : highlightHref(hit.url, terms);
}

/** Draws results into the list (after those already there with `append`); returns their items. */
export function renderHits(list: HTMLOListElement, hits: readonly ShownHit[], say: Say, append = false): HTMLLIElement[] {
  const items = hits.map((hit) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = hit.href;
    a.className = 'result-title';
    a.textContent = `${say('year', { y: hit.year })} · ${hit.title || hit.url}`;
    li.append(a);
    if (hit.excerpt) {
      const p = document.createElement('p');
      p.className = 'result-excerpt';
      // engine.excerpt escapes the text; the only markup is <mark>.
      p.innerHTML = hit.excerpt;
      li.append(p);
    }
    return li;
  });
  if (append) list.append(...items);
  else list.replaceChildren(...items);
  return items;
}
