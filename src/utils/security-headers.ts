/**
 * The site's security policy, written once here. Every page carries the Content-Security-
 * Policy as <meta http-equiv> (src/layouts/Page.astro), so it holds on a host that cannot
 * send headers (GitHub Pages). Hosts that can send headers send the whole set below:
 * public/_headers (Netlify, Cloudflare Pages) and deploy/fzbg-security-headers.conf (nginx)
 * spell it out, and tests/gates/csp.test.ts holds both files to this module.
 *
 * The policy is strict because the site has no inline script or style (the build sees to
 * that). Search runs no WebAssembly (it reads its own term index and Pagefind's fragments
 * with fetch from the same origin), so no 'wasm-unsafe-eval' either. Never add
 * 'unsafe-inline' or 'unsafe-eval'.
 */

/*
 * default-src 'self' is the rule for scripts, styles, images, fonts, fetches and workers
 * alike (each falls back to it), so none of them is written out: a directive is added only
 * to differ from it. The three after it do not fall back to default-src.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/**
 * Directives a policy in a <meta> element does not support (CSP Level 3, "Delivery via
 * meta element"); browsers ignore them there with a console error, so they stay out of it.
 */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

function policy(names: readonly string[]): string {
  return names.map((n) => `${n} ${CSP_DIRECTIVES[n]!.join(' ')}`).join('; ');
}

/** The policy as a response header sends it. */
export const CSP_HEADER = policy(Object.keys(CSP_DIRECTIVES));

/** The policy as each page's <meta http-equiv="Content-Security-Policy"> carries it. */
export const CSP_META = policy(Object.keys(CSP_DIRECTIVES).filter((n) => !HEADER_ONLY.has(n)));

/**
 * Every security header, for hosts that can send them. HSTS is one year, without
 * includeSubDomains or preload: binding every subdomain to HTTPS is the domain owner's (for
 * a 专栏, the portal's) decision, not this site's. Browsers ignore HSTS over plain HTTP.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'X-Frame-Options': 'SAMEORIGIN',
};
