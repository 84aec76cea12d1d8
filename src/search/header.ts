/** Live results under the header field: the five best sections and a link to the rest. */
import { loadIndex, searchSections, showHits } from './client';
import { readerText } from './assist';
import { renderHits } from './render';
import { limitQuery } from './limits';
import { ui } from '../i18n/ui';
import { queryString } from '../utils/routes';

const SHOWN = 5;

export function attachHeaderSearch(input: HTMLInputElement): void {
  const panel = document.getElementById('site-search-panel')!;
  const form = input.form!;
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'search-results';
  const more = document.createElement('a');
  more.className = 'search-more';
  panel.append(status, list, more);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  async function run() {
    const q = limitQuery(input.value).trim();
    const ticket = ++latest;
    if (!q) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    const say = await readerText().catch(() => (text: string) => text);
    if (ticket !== latest) return;
    status.textContent = say(ui.searching);
    try {
      const { hits, terms, partial, suggestion } = await searchSections(q);
      if (ticket !== latest) return;
      const found = hits.length ? say(ui.searchFound(hits.length, suggestion ?? q)) : say(ui.searchNone(q));
      const lead = suggestion && hits.length ? `${say(ui.didYouMean(suggestion))}。` : '';
      status.textContent = lead + found + (partial && hits.length ? `。${say(ui.searchPartial)}` : '');
      const shown = await showHits(hits.slice(0, SHOWN), terms);
      if (ticket !== latest) return;
      renderHits(list, shown, say);
      list.dataset.query = q;
      more.hidden = hits.length <= SHOWN;
      more.href = `${form.action}${queryString({ q })}`;
      more.textContent = say(ui.seeAllResults(hits.length));
    } catch {
      if (ticket === latest) status.textContent = say(ui.searchFailed);
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') panel.hidden = true;
  });
  // Warm the index while the reader types the first character.
  loadIndex().catch(() => {});
  if (input.value.trim()) void run();
}
