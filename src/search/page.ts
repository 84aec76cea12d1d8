/** The /search/ page: runs the query in the URL, keeps the URL in step as the reader refines. */
import { searchSections } from './client';
import type { SortOrder } from './engine';
import { renderHits } from './render';
import { limitQuery } from './limits';
import { ui } from '../i18n/ui';
import { queryString } from '../utils/routes';

export function attachSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const q = form.elements.namedItem('q') as HTMLInputElement;
  const year = form.elements.namedItem('year') as HTMLSelectElement;
  const item = form.elements.namedItem('item') as HTMLSelectElement;
  const sort = form.elements.namedItem('sort') as HTMLSelectElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  let latest = 0;

  function fromUrl() {
    const p = new URLSearchParams(location.search);
    q.value = limitQuery(p.get('q') ?? '');
    year.value = p.get('year') ?? '';
    item.value = p.get('item') ?? '';
    sort.value = p.get('sort') === 'newest' ? 'newest' : 'relevance';
  }

  function toUrl() {
    const query = queryString({
      q: q.value.trim(),
      year: year.value,
      item: item.value,
      sort: sort.value === 'relevance' ? undefined : sort.value,
    });
    const url = `${location.pathname}${query}`;
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
  }

  function showCounts(select: HTMLSelectElement, counts: Map<string, number> | undefined) {
    for (const option of select.options) {
      const label = option.dataset.label;
      if (!label) continue;
      option.textContent = counts ? ui.withCount(label, counts.get(option.value) ?? 0) : label;
    }
  }

  async function run() {
    const ticket = ++latest;
    const query = limitQuery(q.value).trim();
    document.title = query ? `${query} - ${ui.searchTitle}` : document.title;
    if (!query) {
      status.textContent = ui.searchPrompt;
      list.replaceChildren();
      showCounts(year, undefined);
      showCounts(item, undefined);
      return;
    }
    status.textContent = ui.searching;
    list.setAttribute('aria-busy', 'true');
    try {
      const outcome = await searchSections(query, {
        year: year.value ? Number(year.value) : undefined,
        item: item.value || undefined,
        sort: sort.value as SortOrder,
      });
      if (ticket !== latest) return;
      showCounts(year, new Map([...outcome.counts.year].map(([k, v]) => [String(k), v])));
      showCounts(item, outcome.counts.item);
      status.textContent = outcome.hits.length ? ui.searchFound(outcome.hits.length, query) : ui.searchNone(query);
      renderHits(list, outcome.hits, outcome.terms);
      list.dataset.query = query;
    } catch {
      if (ticket === latest) status.textContent = ui.searchFailed;
    } finally {
      if (ticket === latest) list.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
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
