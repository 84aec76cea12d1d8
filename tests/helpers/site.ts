/** Reading a built site the way a reader's browser would see it. */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { TRADITIONAL_PREFIX } from '../../src/utils/edition.ts';

export function page(dist: string, urlPath: string): CheerioAPI {
  return load(readFileSync(fileFor(dist, urlPath)!, 'utf8'));
}

/** The file a static server sends for a URL path ('/2023/' -> 2023/index.html), if any. */
export function fileFor(dist: string, urlPath: string): string | undefined {
  const p = decodeURIComponent(urlPath.split(/[?#]/)[0]!).replace(/^\/+/, '');
  for (const candidate of [p, join(p, 'index.html'), `${p}.html`]) {
    const f = join(dist, candidate);
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return undefined;
}

/**
 * The built pages. The 繁體 edition's copies (zh-hant/, src/integrations/traditional.ts) are
 * left out unless asked for: tests that read "every page" describe the simplified original;
 * tests/build/traditional.test.ts holds the copies to it, and the gates check both editions.
 */
export function htmlFiles(dir: string, { traditional = false }: { traditional?: boolean } = {}): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && (traditional || !f.split('\\').join('/').startsWith(TRADITIONAL_PREFIX)))
    .map((f) => join(dir, f));
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, tr, th, td, dt, dd, div, section, blockquote';

/**
 * Text of an element as lines: one line per block, whitespace inside a line collapsed, empty
 * lines dropped. Elements marked data-chrome (links the site adds) are left out.
 */
export function textLines($: CheerioAPI, selector: string): string[] {
  const root = $(selector).first().clone();
  if (!root.length) throw new Error(`no element matches ${selector}`);
  root.find('[data-chrome]').remove();
  root.find(BLOCKS).each((_, el) => {
    $(el).prepend('\n').append('\n');
  });
  return normaliseLines(root.text());
}

export function normaliseLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/**
 * Every internal link, anchor and asset reference in a built site, resolved as a browser
 * would from the page's own URL, must point at a file that exists and, for a #fragment, at
 * an element with that id. `base` is the path the site is served under.
 */
export function brokenLinks(dist: string, base = '/'): BrokenLink[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const $ = load(readFileSync(file, 'utf8'));
      set = new Set($('[id]').map((_, el) => $(el).attr('id')!).get());
      ids.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(dist, { traditional: true })) {
    const rel = relative(dist, file).split('\\').join('/');
    const pageUrl = new URL(base + rel.replace(/(^|\/)index\.html$/, '$1'), 'http://site.test');
    const $ = load(readFileSync(file, 'utf8'));
    $('a[href], link[href], script[src], img[src], source[src], form[action]').each((_, el) => {
      const ref = $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('action')!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return; // external
      const target = new URL(ref, pageUrl);
      if (!target.pathname.startsWith(base)) {
        broken.push({ page: rel, href: ref, reason: `outside the base path ${base}` });
        return;
      }
      const targetFile = fileFor(dist, target.pathname.slice(base.length));
      if (!targetFile) {
        broken.push({ page: rel, href: ref, reason: 'no such file' });
        return;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && targetFile.endsWith('.html') && !idsOf(targetFile).has(fragment)) {
        broken.push({ page: rel, href: ref, reason: `no element with id="${fragment}"` });
      }
    });
  }
  return broken;
}
