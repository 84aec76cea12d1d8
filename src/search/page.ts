/**
 * The /search/ page: runs the query in the URL, keeps the URL in step as the reader refines.
 * It draws PAGE results at a time, with a button for more (focus moves to the first new one).
 * Above the list it says what the search did: a typo read as a site word (with the reader's own
 * query a link away), topic words found nowhere, a partial match.
 */
import { searchSections, showHits, type SearchOutcome } from './client';
import type { Refinement, SortOrder } from './engine';
import { renderHits } from './render';
import { limitQuery } from './limits';
import { loadMessages, sayMissing, type Say } from './messages';
import { queryString } from '../utils/routes';

/**
 * Results drawn at once, and added by each press of 更多结果: each drawn result's text is
 * fetched for its excerpt, so a page never fetches more than this many.
 */
export const PAGE = 10;

interface Controls {
  form: HTMLFormElement;
  q: HTMLInputElement;
  year: HTMLSelectElement;
  item: HTMLSelectElement;
  sort: HTMLSelectElement;
  status: HTMLElement;
  list: HTMLOListElement;
  note: HTMLElement;
  more: HTMLButtonElement;
}

interface State {
  /** The newest run: an older run that finishes late draws nothing. */
  latest: number;
  /** Search as typed (仍然搜索): no typo replacement. */
  exact: boolean;
  /** Draws the next page of the current results. */
  showMore: () => Promise<void>;
}

function controlsOf(): Controls {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const field = <T>(name: string) => form.elements.namedItem(name) as T;
  return {
    form,
    q: field<HTMLInputElement>('q'),
    year: field<HTMLSelectElement>('year'),
    item: field<HTMLSelectElement>('item'),
    sort: field<HTMLSelectElement>('sort'),
    status: document.getElementById('search-status')!,
    list: document.getElementById('search-results') as HTMLOListElement,
    note: document.getElementById('search-note')!,
    more: document.getElementById('search-more') as HTMLButtonElement,
  };
}

/** The form as the URL says (q, year, item, sort, exact). */
function fromUrl(c: Controls, state: State) {
  const p = new URLSearchParams(location.search);
  c.q.value = limitQuery(p.get('q') ?? '');
  c.year.value = p.get('year') ?? '';
  c.item.value = p.get('item') ?? '';
  c.sort.value = p.get('sort') === 'newest' ? 'newest' : 'relevance';
  state.exact = p.get('exact') === '1';
}

/** The URL as the form says, as a new history entry when it changed. */
function toUrl(c: Controls, state: State) {
  const query = queryString({
    q: c.q.value.trim(),
    year: c.year.value,
    item: c.item.value,
    sort: c.sort.value === 'relevance' ? undefined : c.sort.value,
    exact: state.exact ? '1' : undefined,
  });
  const url = `${location.pathname}${query}`;
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
}

/** The 简/繁 switch keeps the query: the other edition's search page runs it too. */
function keepQueryInSwitch() {
  const switcher = document.querySelector<HTMLAnchorElement>('[data-edition-switch]');
  if (switcher) switcher.href = `${switcher.href.split(/[?#]/)[0]}${location.search}`;
}

/** Each option's label with its count of results (none: the label alone). */
function showCounts(select: HTMLSelectElement, counts: Map<string, number> | undefined, say: Say) {
  for (const option of select.options) {
    const label = option.dataset.label;
    const text = label && (counts ? say('withCount', { w: label, n: counts.get(option.value) ?? 0 }) : label);
    // Only what changed: a site of many years has as many options.
    if (text && option.textContent !== text) option.textContent = text;
  }
}

/** The notes above the list: the typo read as a site word (您是不是要找：X, the reader's own query a link away), missing words, a partial match. */
function showNote(c: Controls, outcome: SearchOutcome, query: string, say: Say) {
  const parts: (string | Node)[] = [];
  if (outcome.suggestion) {
    const asTyped = document.createElement('a');
    asTyped.href = `${location.pathname}${queryString({ q: query, exact: '1' })}`;
    asTyped.textContent = say('asTyped', { q: query });
    parts.push(say('didYouMean', { w: outcome.suggestion }), ' ', asTyped);
  }
  const notes = [...(outcome.missing.length ? [sayMissing(say, outcome.missing)] : []), ...(outcome.partial ? [say('partial')] : [])];
  if (notes.length) parts.push(parts.length ? say('separator') : '', notes.join(say('separator')));
  c.note.replaceChildren(...parts);
  c.note.hidden = !outcome.hits.length || !parts.length;
}

/** The status line: how many results, or none. */
function statusOf(outcome: SearchOutcome, query: string, say: Say): string {
  const shown = outcome.suggestion ?? query;
  if (!outcome.hits.length) return say('none', { q: query });
  return say(outcome.complete && !outcome.missing.length ? 'found' : 'related', { n: outcome.hits.length, q: shown });
}

const refinementOf = (c: Controls): Refinement => ({
  year: c.year.value ? Number(c.year.value) : undefined,
  item: c.item.value || undefined,
  sort: c.sort.value as SortOrder,
});

/** A function drawing the next PAGE results of an outcome, focusing the first new one after the first page. */
function pager(c: Controls, state: State, ticket: number, outcome: SearchOutcome, say: Say) {
  let drawn = 0;
  return async () => {
    const next = outcome.hits.slice(drawn, drawn + PAGE);
    const shown = await showHits(next, outcome.terms);
    if (ticket !== state.latest) return;
    const items = renderHits(c.list, shown, say, drawn > 0);
    if (drawn > 0) items[0]?.querySelector('a')?.focus();
    drawn += next.length;
    c.more.hidden = drawn >= outcome.hits.length;
  };
}

/** The page with no query: the prompt, no results, no counts. */
function showEmpty(c: Controls, say: Say) {
  c.status.textContent = say('prompt');
  c.list.replaceChildren();
  showCounts(c.year, undefined, say);
  showCounts(c.item, undefined, say);
}

async function showOutcome(c: Controls, state: State, ticket: number, query: string, say: Say) {
  const outcome = await searchSections(query, refinementOf(c), { exact: state.exact });
  if (ticket !== state.latest) return;
  showCounts(c.year, new Map([...outcome.counts.year].map(([k, v]) => [String(k), v])), say);
  showCounts(c.item, outcome.counts.item, say);
  c.status.textContent = statusOf(outcome, query, say);
  showNote(c, outcome, query, say);
  state.showMore = pager(c, state, ticket, outcome, say);
  await state.showMore();
  c.list.dataset.query = query;
}

async function run(c: Controls, state: State) {
  const ticket = ++state.latest;
  keepQueryInSwitch();
  let say: Say | undefined;
  try {
    say = await loadMessages();
    if (ticket !== state.latest) return;
    const query = limitQuery(c.q.value).trim();
    if (query) document.title = say('title', { q: query });
    c.note.hidden = true;
    c.more.hidden = true;
    if (!query) return showEmpty(c, say);
    c.status.textContent = say('searching');
    c.list.setAttribute('aria-busy', 'true');
    await showOutcome(c, state, ticket, query, say);
  } catch {
    if (ticket === state.latest) c.status.textContent = say?.('failed') ?? document.getElementById('search-failed')?.textContent ?? '';
  } finally {
    if (ticket === state.latest) c.list.removeAttribute('aria-busy');
  }
}

export function attachSearchPage(): void {
  const c = controlsOf();
  const state: State = { latest: 0, exact: false, showMore: async () => {} };
  c.more.addEventListener('click', () => void state.showMore());
  c.form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.exact = false;
    toUrl(c, state);
    void run(c, state);
  });
  for (const select of [c.year, c.item, c.sort]) {
    select.addEventListener('change', () => {
      toUrl(c, state);
      void run(c, state);
    });
  }
  window.addEventListener('popstate', () => {
    fromUrl(c, state);
    void run(c, state);
  });
  fromUrl(c, state);
  void run(c, state);
}
