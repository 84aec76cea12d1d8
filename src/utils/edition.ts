/**
 * The site's two editions: the original 简体 pages, and the 繁體 edition converted from them
 * at build time (src/integrations/traditional.ts) under zh-hant/ below the base path:
 * /fzbg/2023/ in simplified is /fzbg/zh-hant/2023/ in traditional. Pure functions, no Astro
 * or DOM imports at load time, so pages, the build integration, the dev server and browser
 * scripts (search opening a result in the reader's edition) share one rule.
 *
 * Only pages have two editions: a path is a page when, below the base path, it is empty or
 * ends with '/' (the site's addresses all do: trailingSlash 'always') or is 404.html.
 * Feeds, data, files and the search index (pagefind/) exist once and are left as they are.
 */

export type Edition = 'hans' | 'hant';

/** Where the traditional edition sits below the base path. */
export const TRADITIONAL_PREFIX = 'zh-hant/';

/** <html lang> of each edition: simplified keeps zh-CN, which Pagefind segments as Chinese. */
export const EDITION_LANG: Readonly<Record<Edition, string>> = { hans: 'zh-CN', hant: 'zh-Hant' };

/** hreflang of each edition's alternate link. */
export const EDITION_HREFLANG: Readonly<Record<Edition, string>> = { hans: 'zh-Hans', hant: 'zh-Hant' };

const normalBase = (base: string) => (base.endsWith('/') ? base : `${base}/`);

/** The path split from its ?query and #fragment. */
function split(pathname: string): [path: string, rest: string] {
  const i = pathname.search(/[?#]/);
  return i < 0 ? [pathname, ''] : [pathname.slice(0, i), pathname.slice(i)];
}

/** The path below the base, or undefined for a path outside the site. */
function below(path: string, base: string): string | undefined {
  const b = normalBase(base);
  if (path === b.slice(0, -1)) return '';
  return path.startsWith(b) ? path.slice(b.length) : undefined;
}

const isTraditional = (rel: string) => rel === TRADITIONAL_PREFIX.slice(0, -1) || rel.startsWith(TRADITIONAL_PREFIX);

/** Whether a path below the base is one of the site's pages (not a feed, file or the index). */
export function isPagePath(rel: string): boolean {
  if (rel.startsWith('pagefind/')) return false;
  return rel === '' || rel.endsWith('/') || rel === '404.html' || rel.endsWith('/404.html');
}

/**
 * The edition of a page's path (which includes the base path): editionOf('/fzbg/zh-hant/2023/',
 * '/fzbg/') is 'hant'; every other path, outside the site too, is 'hans'.
 */
export function editionOf(pathname: string, base: string): Edition {
  const rel = below(split(pathname)[0], base);
  return rel !== undefined && isTraditional(rel) ? 'hant' : 'hans';
}

/**
 * The same page in the given edition, keeping ?query and #fragment:
 * toEdition('/fzbg/2023/section-1/?highlight=x', 'hant', '/fzbg/') is
 * '/fzbg/zh-hant/2023/section-1/?highlight=x', and back with 'hans'. A full address
 * (https://…) gives a full address. Paths outside the site and paths that are not pages
 * (feed.xml, files, pagefind/) come back unchanged.
 */
export function toEdition(pathname: string, edition: Edition, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(pathname)) {
    let url: URL;
    try {
      url = new URL(pathname);
    } catch {
      return pathname;
    }
    if (!/^https?:$/.test(url.protocol)) return pathname;
    const moved = toEdition(url.pathname, edition, base);
    return moved === url.pathname ? pathname : `${url.origin}${moved}${url.search}${url.hash}`;
  }
  const [path, rest] = split(pathname);
  const rel = below(path, base);
  if (rel === undefined) return pathname;
  const hans = isTraditional(rel) ? rel.slice(TRADITIONAL_PREFIX.length) : rel;
  if (!isPagePath(hans)) return pathname;
  return normalBase(base) + (edition === 'hant' ? TRADITIONAL_PREFIX : '') + hans + rest;
}

/** The edition an <html lang> value names: zh-Hant (and zh-TW, zh-HK, zh-MO) is traditional. */
export function editionOfLang(lang: string | null | undefined): Edition {
  return /^zh-(hant|tw|hk|mo)\b/i.test(lang ?? '') ? 'hant' : 'hans';
}

/**
 * In the browser: the edition of the page being read, from document.documentElement.lang
 * (the traditional copy sets zh-Hant). Pass a document to read another.
 */
export function pageEdition(doc: { documentElement: { lang: string } } = globalThis.document): Edition {
  return editionOfLang(doc?.documentElement?.lang);
}

/** In the browser: an address on the site in the edition of the page being read. */
export function inPageEdition(pathname: string, base: string, doc?: { documentElement: { lang: string } }): string {
  return toEdition(pathname, pageEdition(doc), base);
}
