/** Marks the terms a reader searched for in a section's text and brings the first into view. */
import { fold, parseQuery } from './query';
import { loadMessages } from './messages';
import { HIGHLIGHT_PARAM } from '../utils/routes';

/** Wraps every whole-term occurrence in the text under `root` in <mark>; returns the marks. */
export function highlightTerms(root: Element, terms: string[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  if (!terms.length) return marks;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    const { folded, origin } = fold(text);
    const ranges: [number, number][] = [];
    for (const t of terms) {
      for (let i = folded.indexOf(t); i !== -1; i = folded.indexOf(t, i + t.length)) {
        ranges.push([origin[i]!, origin[i + t.length]!]);
      }
    }
    if (!ranges.length) continue;
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (const [a, b] of ranges) {
      if (a < pos) continue;
      frag.append(text.slice(pos, a));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = text.slice(a, b);
      frag.append(mark);
      marks.push(mark);
      pos = b;
    }
    frag.append(text.slice(pos));
    node.replaceWith(frag);
  }
  return marks;
}

/** Runs on a section page opened with a query: marks the terms a search result's link names (highlightHref). */
export function highlightFromLocation(): void {
  const query = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM);
  if (query) void highlightFromQuery(query);
}

/** Marks the terms of a query in the section's text, with a note (in the page's edition) to clear them. */
export async function highlightFromQuery(query: string): Promise<void> {
  const root = document.querySelector('.report-text');
  if (!root) return;
  const marks = highlightTerms(root, parseQuery(query));
  if (!marks.length) return;
  marks[0]!.scrollIntoView({ block: 'center' });
  const say = await loadMessages().catch(() => undefined);
  if (!say) return;
  const note = document.createElement('p');
  note.className = 'highlight-note';
  note.setAttribute('role', 'status');
  const clear = document.createElement('a');
  clear.href = location.pathname;
  clear.textContent = say('clearHighlight');
  note.append(say('highlighted', { q: query, n: marks.length }), ' ', clear);
  root.before(note);
}
