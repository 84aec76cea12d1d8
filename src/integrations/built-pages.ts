/**
 * The build's middleware (fznb.ts adds it to `astro build` only): hands each page Astro
 * prerenders to the build's worker (after-build.ts) as it is made, so the worker makes the
 * page's 繁體 copy while Astro makes the next pages, not after them all. A copy made this way is
 * written only for a page whose built file is the page it was made from (traditional.ts); a
 * page Astro's build cache restores is never handed over, and is copied after the build.
 */
import type { MiddlewareHandler } from 'astro';

/** Where the integration leaves the function each page is handed to. */
export const PAGE_MADE = Symbol.for('fznb.page-made');

/** Takes a page as made: its address (with the base path) and its HTML; false once it takes no more. */
export type PageMade = (pathname: string, html: string) => boolean;

const held = globalThis as typeof globalThis & { [PAGE_MADE]?: PageMade };

/** Has the pages of this build handed to `made` (the integration calls it for `astro build`). */
export function handPagesTo(made: PageMade): void {
  held[PAGE_MADE] = made;
}

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const made = held[PAGE_MADE];
  if (made && context.isPrerendered && response.headers.get('content-type')?.startsWith('text/html')) {
    // A copy of the body is read beside the one Astro writes; the response goes on untouched.
    response
      .clone()
      .text()
      .then((html) => {
        // Once the worker takes no more, later pages are neither read twice nor handed over.
        if (!made(context.url.pathname, html)) delete held[PAGE_MADE];
      })
      // A page that could not be handed over is copied after the build, as any other.
      .catch(() => {});
  }
  return response;
};
