/**
 * The build's middleware (src/integrations/built-pages.ts): it hands each prerendered HTML page
 * to the function the integration leaves, and never changes or holds up the response.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { APIContext, MiddlewareNext } from 'astro';
import { onRequest, PAGE_MADE, type PageMade } from '../../src/integrations/built-pages';

const held = globalThis as typeof globalThis & { [PAGE_MADE]?: PageMade };
const context = (pathname: string, isPrerendered = true) => ({ url: new URL(`https://example.gov.cn${pathname}`), isPrerendered }) as unknown as APIContext;
const page = (body: string, type = 'text/html') => (() => Promise.resolve(new Response(body, { headers: { 'content-type': type } }))) as MiddlewareNext;
/** A turn of the event loop: a body the middleware started to read beside Astro's has been read by then. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  delete held[PAGE_MADE];
});

describe('the build middleware', () => {
  it('hands over each prerendered HTML page with its address, and the response goes on whole', async () => {
    const made = new Promise<[string, string]>((resolve) => {
      held[PAGE_MADE] = (pathname, html) => (resolve([pathname, html]), true);
    });
    const response = (await onRequest(context('/fzbg/2023/'), page('<p>示例</p>'))) as Response;
    expect(await response.text()).toBe('<p>示例</p>');
    expect(await made).toEqual(['/fzbg/2023/', '<p>示例</p>']);
  });

  it('hands over no feed, data file or page rendered on request, and nothing when no build asked', async () => {
    const made: string[] = [];
    held[PAGE_MADE] = (pathname) => (made.push(pathname), true);
    await onRequest(context('/fzbg/feed.xml'), page('<rss/>', 'application/rss+xml'));
    await onRequest(context('/fzbg/2023/', false), page('<p>示例</p>'));
    delete held[PAGE_MADE];
    const response = (await onRequest(context('/fzbg/2023/'), page('<p>示例</p>'))) as Response;
    await settled();
    expect(made).toEqual([]);
    expect(await response.text()).toBe('<p>示例</p>');
  });

  it('stops reading pages once the worker takes no more, and a failure to hand one over fails nothing', async () => {
    held[PAGE_MADE] = () => false;
    await onRequest(context('/fzbg/2023/'), page('<p>示例</p>'));
    await settled();
    expect(held[PAGE_MADE]).toBeUndefined();
    held[PAGE_MADE] = () => {
      throw new Error('示例：工作线程已结束');
    };
    const response = (await onRequest(context('/fzbg/2024/'), page('<p>测试</p>'))) as Response;
    await settled();
    expect(await response.text()).toBe('<p>测试</p>');
  });
});
