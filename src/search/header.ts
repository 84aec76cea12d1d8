/** Live results under the header field: the five best sections and a link to the rest. */
import { loadIndex, searchSections, showHits, type SearchOutcome } from './client';
import { renderHits } from './render';
import { limitQuery } from './limits';
import { loadMessages, sayMissing, type Say } from './messages';
import { queryString } from '../utils/routes';

const SHOWN = 5;

interface Panel {
  panel: HTMLElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLAnchorElement;
}

function panelOf(): Panel {
  const panel = document.getElementById('site-search-panel')!;
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'search-results';
  const more = document.createElement('a');
  more.className = 'search-more';
  panel.append(status, list, more);
  return { panel, status, list, more };
}

/** The status line: a typo read as a site word, how many results, missing words, a partial match. */
function statusOf(outcome: SearchOutcome, q: string, say: Say): string {
  const { hits, suggestion, missing, partial, complete } = outcome;
  if (!hits.length) return say('none', { q });
  const end = say('sentenceEnd');
  const lead = suggestion ? say('didYouMean', { w: suggestion }) + end : '';
  const found = say(complete && !missing.length ? 'found' : 'related', { n: hits.length, q: suggestion ?? q });
  const notes = [...(missing.length ? [sayMissing(say, missing)] : []), ...(partial ? [say('partial')] : [])];
  return lead + found + notes.map((n) => end + n).join('');
}

async function show(p: Panel, form: HTMLFormElement, q: string, isLatest: () => boolean) {
  const say = await loadMessages();
  if (!isLatest()) return;
  p.status.textContent = say('searching');
  try {
    const outcome = await searchSections(q);
    if (!isLatest()) return;
    p.status.textContent = statusOf(outcome, q, say);
    const shown = await showHits(outcome.hits.slice(0, SHOWN), outcome.terms);
    if (!isLatest()) return;
    renderHits(p.list, shown, say);
    p.list.dataset.query = q;
    p.more.hidden = outcome.hits.length <= SHOWN;
    p.more.href = `${form.action}${queryString({ q })}`;
    p.more.textContent = say('seeAll', { n: outcome.hits.length });
  } catch {
    if (isLatest()) p.status.textContent = say('failed');
  }
}

export function attachHeaderSearch(input: HTMLInputElement): void {
  const p = panelOf();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const run = () => {
    const q = limitQuery(input.value).trim();
    const ticket = ++latest;
    p.panel.hidden = !q;
    if (q) void show(p, input.form!, q, () => ticket === latest).catch(() => {});
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') p.panel.hidden = true;
  });
  // Warm the index and the messages while the reader types the first character.
  loadIndex().catch(() => {});
  loadMessages().catch(() => {});
  if (input.value.trim()) run();
}
