/**
 * Pagefind's fragment files, read at build time: the one place that knows their format.
 *
 * Pagefind stays the site's indexer: it reads the built pages (data-pagefind-body, -ignore,
 * -filter, -meta) and writes, for each unit, a fragment with its text, filters and meta. The
 * site's own search files (term-index.ts, texts.ts) are made from those fragments, so the text
 * search matches is exactly the text Pagefind extracted; the reader's browser never reads a
 * Pagefind file. A fragment file is gzip (Pagefind also reads it unpacked), then the signature
 * `pagefind_dcd`, then JSON: one fragment, or in a group file fragments by page hash.
 */
import { gunzipSync } from 'node:zlib';

/** Pagefind's signature at the start of every fragment file, after gzip. */
const SIGNATURE = 'pagefind_dcd';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A search unit as its fragment gives it. */
export interface UnitSource {
  url: string;
  /** The heading as printed (meta title). */
  title: string;
  /** The unit's text without its heading. */
  content: string;
  year: number;
  /** The required items the unit reports on (its item filters; none for a preface). */
  items: string[];
  order: number;
}

/** A fragment file's JSON: one fragment, or (a group file) fragments by page hash. */
function decode(path: string, bytes: Uint8Array): Fragment[] {
  let data = Buffer.from(bytes);
  const signed = () => data.subarray(0, SIGNATURE.length).toString() === SIGNATURE;
  if (!signed()) data = gunzipSync(data);
  if (!signed()) {
    throw new Error(`搜索索引的片段文件 ${path} 不是 Pagefind 的格式（缺少 ${SIGNATURE}）：Pagefind 的版本变了，请更新 src/search/fragments.ts 的读取方式`);
  }
  const json = JSON.parse(data.subarray(SIGNATURE.length).toString('utf8')) as Fragment | Record<string, Fragment>;
  return typeof (json as Fragment).url === 'string' ? [json as Fragment] : Object.values(json as Record<string, Fragment>);
}

/**
 * A fragment's text without the heading it starts with: Pagefind puts the heading and a '. '
 * of its own first, and zero-width spaces between the words it segmented.
 */
export function fragmentBody(content: string, title: string): string {
  const text = content.replace(/\u200B/g, '');
  return title && text.startsWith(title) ? text.slice(title.length).replace(/^\.\s*/, '') : text;
}

function unitOf(f: Fragment): UnitSource {
  const title = f.meta.title ?? '';
  return {
    url: f.url,
    title,
    content: fragmentBody(f.content, title),
    year: Number(f.filters.year?.[0]),
    items: [...new Set(f.filters.item ?? [])].sort(),
    order: Number(f.meta.order ?? 0),
  };
}

/** Every search unit in an index's files (paths as Pagefind names them), in address order. */
export function unitsFromFragments(files: readonly { path: string; content: Uint8Array }[]): UnitSource[] {
  const units = files
    .filter((f) => /(?:^|\/)fragment\/[^/]+\.pf_fragment$/.test(f.path))
    .flatMap((f) => decode(f.path, f.content).map(unitOf));
  return units.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
