/**
 * The /search/ page: runs the query in the URL, keeps the URL in step as the reader refines.
 * It draws PAGE results at a time, with a button for more (focus moves to the first new one); a partial match and a typo
 * replaced by a near site word are said above the list, with the reader's own query a link away.
 */
import { searchSections, showHits } from './client';
import { readerText } from './assist';
import type { SortOrder } from './engine';
import { renderHits } from './render';
import { limitQuery } from './limits';
import { ui } from '../i18n/ui';
import { queryString } from '../utils/routes';

/**
 * Results drawn at once, and added by each press of 更多结果: each drawn result's text is
 * fetched for its excerpt, so a page never fetches more than this many.
 */
export const PAGE = 10;

export function attachSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const q = form.elements.namedItem('q') as HTMLInputElement;
  const year = form.elements.namedItem('year') as HTMLSelectElement;
  const item = form.elements.namedItem('item') as HTMLSelectElement;
  const sort = form.elements.namedItem('sort') as HTMLSelectElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const note = document.getElementById('search-note')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  let latest = 0;
  let exact = false;
  /** The scripts' messages in the reader's edition (繁體 on a traditional page). */
  let say = (text: string) => text;
  const switcher = document.querySelector<HTMLAnchorElement>('[data-edition-switch]');
  /** The 简/繁 switch keeps the query: the other edition's search page runs it too. */
  const keepQueryInSwitch = () => {
    if (switcher) switcher.href = `${switcher.href.split(/[?#]/)[0]}${location.search}`;
  };
  let showMore = async () => {};
  more.addEventListener('click', () => void showMore());

  function fromUrl() {
    const p = new URLSearchParams(location.search);
    q.value = limitQuery(p.get('q') ?? '');
    year.value = p.get('year') ?? '';
    item.value = p.get('item') ?? '';
    sort.value = p.get('sort') === 'newest' ? 'newest' : 'relevance';
    exact = p.get('exact') === '1';
  }

  function toUrl() {
    const query = queryString({
      q: q.value.trim(),
      year: year.value,
      item: item.value,
      sort: sort.value === 'relevance' ? undefined : sort.value,
      exact: exact ? '1' : undefined,
    });
    const url = `${location.pathname}${query}`;
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
  }

  function showCounts(select: HTMLSelectElement, counts: Map<string, number> | undefined) {
    for (const option of select.options) {
      const label = option.dataset.label;
      if (!label) continue;
      option.textContent = counts ? say(ui.withCount(label, counts.get(option.value) ?? 0)) : label;
    }
  }

  /** The typo heading (您是不是要找：X, with the reader's own query as a link) or the partial-match note. */
  function showNote(suggestion: string | undefined, partial: boolean, query: string) {
    note.replaceChildren();
    if (suggestion) {
      const asTyped = document.createElement('a');
      asTyped.href = `${location.pathname}${queryString({ q: query, exact: '1' })}`;
      asTyped.textContent = say(ui.searchAsTyped(query));
      note.append(say(ui.didYouMean(suggestion)), ' ', asTyped);
    }
    if (partial) note.append(suggestion ? '；' : '', say(ui.searchPartial));
    note.hidden = !note.childNodes.length;
  }

  async function run() {
    const ticket = ++latest;
    keepQueryInSwitch();
    say = await readerText().catch(() => say);
    if (ticket !== latest) return;
    const query = limitQuery(q.value).trim();
    document.title = query ? `${query} - ${say(ui.searchTitle)}` : document.title;
    note.hidden = true;
    more.hidden = true;
    if (!query) {
      status.textContent = say(ui.searchPrompt);
      list.replaceChildren();
      showCounts(year, undefined);
      showCounts(item, undefined);
      return;
    }
    status.textContent = say(ui.searching);
    list.setAttribute('aria-busy', 'true');
    try {
      const outcome = await searchSections(query, {
        year: year.value ? Number(year.value) : undefined,
        item: item.value || undefined,
        sort: sort.value as SortOrder,
      }, { exact });
      if (ticket !== latest) return;
      showCounts(year, new Map([...outcome.counts.year].map(([k, v]) => [String(k), v])));
      showCounts(item, outcome.counts.item);
      const shown = outcome.suggestion ?? query;
      status.textContent = say(outcome.hits.length ? ui.searchFound(outcome.hits.length, shown) : ui.searchNone(query));
      showNote(outcome.suggestion, outcome.partial && outcome.hits.length > 0, query);
      let drawn = 0;
      showMore = async () => {
        const next = outcome.hits.slice(drawn, drawn + PAGE);
        const shown = await showHits(next, outcome.terms);
        if (ticket !== latest) return;
        const items = renderHits(list, shown, say, drawn > 0);
        if (drawn > 0) items[0]?.querySelector('a')?.focus();
        drawn += next.length;
        more.hidden = drawn >= outcome.hits.length;
      };
      await showMore();
      list.dataset.query = query;
    } catch {
      if (ticket === latest) status.textContent = say(ui.searchFailed);
    } finally {
      if (ticket === latest) list.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    exact = false;
    toUrl();
    void run();
  });
  for (const select of [year, item, sort]) {
    select.addEventListener('change', () => {
      toUrl();
      void run();
    });
  }
  window.addEventListener('popstate', () => {
    fromUrl();
    void run();
  });
  fromUrl();
  void run();
}
