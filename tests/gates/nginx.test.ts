/**
 * The nginx sample (deploy/nginx.conf with deploy/fzbg-security-headers.conf) run for real:
 * a real nginx on 127.0.0.1, the sample changed only in its paths and port, serving fixture
 * builds at the root (放法 A) and under /fzbg/ (放法 B). Every response a reader gets (an
 * HTML page, an asset, the 404 page, the search index) carries every security header once,
 * with the value src/utils/security-headers.ts gives, and the cache rule for its file.
 * The search page shows the reader's query in its field without a script: nginx writes it in
 * (SSI, src/search/server-query.ts), decoded and HTML-escaped, in both editions.
 * nginx comes from scripts/test-deps.sh (npm test runs it), as Chromium does.
 */
import { postingShardFile, textFile, UNITS_FILE, type UnitsFile } from '../../src/search/term-index';
import { messagesFile } from '../../src/search/assist-files';
import { TRADITIONAL_PREFIX } from '../../src/utils/edition';
import { SERVER_QUERY_FILE } from '../../src/search/server-query';
import { attachmentPath, searchPath } from '../../src/utils/routes';
import { load } from 'cheerio';
import { fileBrowser } from '../helpers/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/build';
import { builtFixture, PORTAL, type BuiltFixture } from '../helpers/fixtures';
import { SECURITY_HEADERS } from '../../src/utils/security-headers';

const SAMPLE = join(ROOT, 'deploy/nginx.conf');
const SNIPPET = join(ROOT, 'deploy/fzbg-security-headers.conf');
const HOSTS = { root: 'fzbg.example.gov.cn', portal: 'www.example.gov.cn' };
const IMMUTABLE = 'public, max-age=31536000, immutable';

function nginxPath(): string {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('找不到 nginx：请运行 bash scripts/test-deps.sh（Debian：apt-get install -y nginx）或设置 NGINX_PATH。');
  return found;
}

/** The sample with only its listen address, document roots and snippet path changed; throws if one of them is not where it was. */
function renderSample(text: string, at: { port: number; root: string; portal: string; snippet: string }): string {
  const swaps: [string | RegExp, string][] = [
    [/^(\s*)listen 80;$/gm, `$1listen 127.0.0.1:${at.port};`],
    [/^\s*listen \[::\]:80;\n/gm, ''],
    ['root /var/www/fzbg;', `root ${at.root};`],
    ['root /var/www/portal;', `root ${at.portal};`],
    [/include \/etc\/nginx\/snippets\/fzbg-security-headers\.conf;/g, `include ${at.snippet};`],
  ];
  return swaps.reduce((s, [from, to]) => {
    const next = s.replace(from, to);
    if (next === s) throw new Error(`deploy/nginx.conf no longer has ${from}`);
    return next;
  }, text);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, host: string, path: string, encoding: BufferEncoding = 'latin1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding(encoding);
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const state = {} as { dir: string; port: number; nginx: ChildProcess; log: string; root: BuiltFixture; portal: BuiltFixture };

beforeAll(async () => {
  const bin = nginxPath();
  [state.root, state.portal] = [await builtFixture('multi-year'), await builtFixture('multi-year', PORTAL)];
  state.dir = mkdtempSync(join(tmpdir(), 'fznb-nginx-'));
  state.port = await freePort();
  const portal = join(state.dir, 'portal');
  mkdirSync(portal);
  symlinkSync(state.portal.dist, join(portal, 'fzbg'));
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(state.dir, t));
  const site = renderSample(readFileSync(SAMPLE, 'utf8'), { port: state.port, root: state.root.dist, portal, snippet: SNIPPET });
  writeFileSync(join(state.dir, 'fzbg.conf'), site);
  // The frame a server's /etc/nginx/nginx.conf gives the sample, kept inside the test folder.
  // As root, the workers stay root: the builds are in folders only their owner may read.
  writeFileSync(
    join(state.dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${state.dir}/nginx.pid;
error_log ${state.dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  ${['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t === 'body' ? 'client_body' : t}_temp_path ${state.dir}/${t};`).join('\n  ')}
  include ${state.dir}/fzbg.conf;
}
`,
  );
  const args = ['-p', state.dir, '-e', join(state.dir, 'error.log'), '-c', join(state.dir, 'nginx.conf')];
  const check = spawnSync(bin, ['-t', ...args], { encoding: 'utf8' });
  expect(check.status, `nginx -t:\n${check.stderr}`).toBe(0);
  state.log = '';
  state.nginx = spawn(bin, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  state.nginx.stderr!.on('data', (c) => (state.log += c));
  for (let i = 0; ; i++) {
    if (await get(state.port, HOSTS.root, '/').then(() => true, () => false)) break;
    if (i > 100 || state.nginx.exitCode !== null) throw new Error(`nginx did not start:\n${state.log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
});

afterAll(async () => {
  if (state.nginx && state.nginx.exitCode === null) {
    const exited = new Promise((r) => state.nginx.once('exit', r));
    state.nginx.kill('SIGQUIT');
    await exited;
  }
  if (state.dir) rmSync(state.dir, { recursive: true, force: true });
});

/** The paths to ask for in a build: a page, assets, the search index's files, and a missing page. */
function paths(dist: string) {
  const assets = readdirSync(join(dist, '_astro'));
  const units = JSON.parse(readFileSync(join(dist, 'pagefind', UNITS_FILE), 'utf8')) as UnitsFile;
  return [
    { path: '', status: 200, cache: 'no-cache', kind: 'home page' },
    { path: '2023/', status: 200, cache: 'no-cache', kind: 'report page' },
    { path: `_astro/${assets.find((f) => f.endsWith('.css'))}`, status: 200, cache: IMMUTABLE, kind: 'stylesheet' },
    { path: `_astro/${assets.find((f) => f.endsWith('.js'))}`, status: 200, cache: IMMUTABLE, kind: 'script' },
    { path: `pagefind/${messagesFile('hant')}`, status: 200, cache: 'no-cache', kind: 'search messages' },
    { path: `pagefind/${UNITS_FILE}`, status: 200, cache: 'no-cache', kind: 'term index units' },
    { path: `pagefind/${postingShardFile(units.id, 0)}`, status: 200, cache: IMMUTABLE, kind: 'term index shard' },
    { path: `pagefind/${textFile(units.id, 'hant', 0)}`, status: 200, cache: IMMUTABLE, kind: 'search text' },
    { path: `${TRADITIONAL_PREFIX}2023/`, status: 200, cache: 'no-cache', kind: '繁體 report page' },
    { path: `${TRADITIONAL_PREFIX}no-such-page/`, status: 404, cache: 'no-cache', kind: '繁體 404 page' },
    { path: 'no-such-page/', status: 404, cache: 'no-cache', kind: '404 page' },
  ];
}

describe.each([
  { layout: 'A, at the root', host: HOSTS.root, prefix: '/', build: () => state.root },
  { layout: 'B, under /fzbg/ of a portal', host: HOSTS.portal, prefix: '/fzbg/', build: () => state.portal },
])('nginx sample, 放法 $layout', ({ host, prefix, build }) => {
  it('sends every security header, once, on every kind of response', async () => {
    for (const p of paths(build().dist)) {
      const answer = await get(state.port, host, prefix + p.path);
      const where = `${p.kind} ${prefix}${p.path}`;
      expect(answer.status, where).toBe(p.status);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(answer.headers[name.toLowerCase()], `${name} on ${where}`).toBe(value);
      }
      expect(answer.headers['cache-control'], `Cache-Control on ${where}`).toBe(p.cache);
    }
  });

  it('serves each attachment as a download, whatever its name holds, with no version of nginx anywhere', async () => {
    const files = readdirSync(join(build().dist, '2022/files'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const answer = await get(state.port, host, `${prefix}${attachmentPath(2022, name)}`, 'utf8');
      const where = `${prefix}${attachmentPath(2022, name)}`;
      expect(answer.status, where).toBe(200);
      expect(answer.body, where).toBe(readFileSync(join(build().dist, '2022/files', name), 'utf8'));
      expect(answer.headers['content-disposition'], where).toBe('attachment');
      expect(answer.headers['x-content-type-options'], where).toBe('nosniff');
      expect(answer.headers['cache-control'], where).toBe('no-cache');
      expect(answer.headers['content-security-policy'], where).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    }
    for (const path of ['', 'no-such-page/']) {
      const answer = await get(state.port, host, prefix + path);
      expect(answer.headers.server).toBe('nginx');
      expect(answer.body).not.toMatch(/nginx\/\d/);
    }
  });

  it('answers a missing page with the site’s own 404 page, in the edition of the address', async () => {
    const answer = await get(state.port, host, `${prefix}no-such-page/`);
    expect(answer.body).toBe(readFileSync(join(build().dist, '404.html'), 'latin1'));
    const traditional = await get(state.port, host, `${prefix}${TRADITIONAL_PREFIX}2023/no-such-page/`);
    expect(traditional.status).toBe(404);
    expect(traditional.body).toBe(readFileSync(join(build().dist, TRADITIONAL_PREFIX, '404.html'), 'latin1'));
  });
});

/** The search form's query field as a reader's browser gets it: how many there are, its value, its other attributes. */
function queryField(html: string) {
  const $ = load(html);
  const fields = $('#search-form input[name="q"]');
  const { value, ...attrs } = (fields.first().attr() ?? {}) as Record<string, string>;
  return { count: fields.length, value: value ?? '', attrs };
}

/** Query strings as a browser's form sends them (UTF-8, percent-encoded, a space as +), and the field's value. */
const QUERIES: { query: string; value: string; kind: string }[] = [
  { kind: 'a word', query: 'q=' + encodeURIComponent('优待证'), value: '优待证' },
  { kind: 'words with spaces (sent as +)', query: 'q=' + ['退役军人', '优待证', '办理'].map(encodeURIComponent).join('+'), value: '退役军人 优待证 办理' },
  { kind: 'a plus sign', query: 'q=' + encodeURIComponent('1+1'), value: '1+1' },
  { kind: 'traditional characters', query: 'q=' + encodeURIComponent('優待證'), value: '優待證' },
  { kind: 'markup and quotes', query: 'q=' + encodeURIComponent('<script>alert("x")</script>\'&amp;'), value: '<script>alert("x")</script>\'&amp;' },
  { kind: 'a slash and a question mark', query: 'q=' + encodeURIComponent('退役/优待?year=1'), value: '退役/优待?year=1' },
  { kind: 'a percent sign', query: 'q=' + encodeURIComponent('100%'), value: '100%' },
  { kind: 'a path nginx refuses (../)', query: 'q=' + encodeURIComponent('../../etc/passwd'), value: '' },
  { kind: 'a NUL byte', query: 'q=%00', value: '' },
  { kind: 'an empty query', query: 'q=&year=2023', value: '' },
  { kind: 'no query', query: 'year=2023', value: '' },
];

describe.each([
  { layout: 'A', host: HOSTS.root, prefix: '/', build: () => state.root },
  { layout: 'B', host: HOSTS.portal, prefix: '/fzbg/', build: () => state.portal },
])('nginx sample, 放法 $layout: the search field keeps the reader’s query without a script', ({ host, prefix, build }) => {
  describe.each([
    { edition: 'simplified', path: searchPath },
    { edition: '繁體', path: TRADITIONAL_PREFIX + searchPath },
  ])('$edition search page', ({ path }) => {
    const built = () => queryField(readFileSync(join(build().dist, path, 'index.html'), 'utf8'));

    it.each(QUERIES)('$kind', async ({ query, value }) => {
      const answer = await get(state.port, host, `${prefix}${path}?${query}`, 'utf8');
      expect(answer.status).toBe(200);
      expect(answer.body, 'an SSI directive left in the page').not.toContain('<!--#');
      expect(answer.body).not.toContain('an error occurred');
      expect(answer.body, 'the query written unescaped').not.toContain('<script>alert');
      const field = queryField(answer.body);
      expect(field.count).toBe(1);
      expect(field.value).toBe(value);
      // The same field as the built page's (its label, placeholder and length limit in the page's edition).
      expect(field.attrs).toEqual(built().attrs);
    });

    it('keeps the page, apart from the field, as built, and its validators', async () => {
      const file = readFileSync(join(build().dist, path, 'index.html'), 'utf8');
      const answer = await get(state.port, host, `${prefix}${path}?q=${encodeURIComponent('优待证')}`, 'utf8');
      const strip = (html: string) => html.replace(/<input id="search-q"[^>]*>/, '<input>').replace(/<!--#[^>]*-->/g, '');
      expect(strip(answer.body)).toBe(strip(file));
      expect(answer.headers['last-modified'], 'Last-Modified (for 304 answers)').toBeTruthy();
    });
  });

  it('answers the field’s sub-request only from inside nginx', async () => {
    expect((await get(state.port, host, `${prefix}${searchPath}query/abc`)).status).toBe(404);
    expect(existsSync(join(build().dist, searchPath, SERVER_QUERY_FILE))).toBe(true);
  });
});

describe('nginx sample, search page without a script, in Chromium', () => {
  it.each([
    { edition: 'simplified', prefix: '', query: '优待证 招聘会' },
    { edition: '繁體', prefix: TRADITIONAL_PREFIX, query: '優待證' },
  ])('$edition: the field shows the query from the header form, and the page says what works instead', async ({ prefix, query }) => {
    const browser = await fileBrowser();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      // The header form, as a reader without scripts submits it on any page (layout A answers 127.0.0.1).
      await page.goto(`http://127.0.0.1:${state.port}/${prefix}2023/`);
      await page.locator('summary.header-menu-button').click();
      await page.locator('#site-search-q').fill(query);
      await page.locator('#site-search-q').press('Enter');
      await page.waitForURL(`**/${prefix}${searchPath}?q=*`);
      await expect.poll(() => page.locator('#search-q').inputValue()).toBe(query);
      expect(await page.locator('#search-q').isVisible()).toBe(true);
      expect(await page.locator('.search-noscript').isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
