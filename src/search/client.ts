/**
 * The browser side of search: loads Pagefind from the site's /pagefind/ (under the base
 * path) on first use, fetches the candidate sections it finds, and hands them to the
 * ranking in engine.ts.
 */
import { rank, type Candidate, type Outcome, type Refinement } from './engine';
import { pagefindPath, withBase } from '../utils/routes';

interface PagefindResult {
  score: number;
  data(): Promise<{
    url: string;
    content: string;
    meta: Record<string, string>;
    filters: Record<string, string[]>;
  }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: PagefindResult[] }>;
}

const base = import.meta.env.BASE_URL;
let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pf: Pagefind = await import(/* @vite-ignore */ withBase(base, `${pagefindPath}pagefind.js`));
    // Result URLs are indexed from the site root; the base path is added here.
    await pf.options({ baseUrl: withBase(base, '') });
    await pf.init();
    return pf;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** A Pagefind result as a candidate for ranking (Pagefind caches the fragment it fetches). */
async function candidate(r: PagefindResult): Promise<Candidate> {
  const d = await r.data();
  const title = d.meta.title ?? '';
  // Pagefind's text starts with the heading and a '. ' it adds; the heading is scored and
  // shown on its own, so the excerpt starts with the text.
  const content = title && d.content.startsWith(title) ? d.content.slice(title.length).replace(/^\.\s*/, '') : d.content;
  return {
    url: d.url,
    content,
    title,
    year: Number(d.filters.year?.[0]),
    item: d.filters.item?.[0] ?? '',
    order: Number(d.meta.order ?? 0),
    engineScore: r.score,
  };
}

export async function searchSections(query: string, refine: Refinement = {}): Promise<Outcome> {
  const pf = await loadPagefind();
  const q = query.trim();
  if (!q) return rank([], '');
  const { results } = await pf.search(q);
  return rank(await Promise.all(results.map(candidate)), q, refine);
}
