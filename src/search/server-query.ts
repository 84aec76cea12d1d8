/**
 * The reader's query in the search page's field when the browser runs no script, written in
 * by the web server. A static page cannot read ?q=… by itself, so without a script the field
 * would arrive empty. nginx can fill it in with SSI (server-side includes), and
 * deploy/nginx.conf does so; on any other host, and in `astro preview`, the directives below
 * are HTML comments, and the page is what it was: an empty field.
 *
 * nginx cannot decode `$arg_q` (it is sent percent-encoded: %E4%BC%98…) where it writes it,
 * but it decodes the address of an SSI sub-request. So the built search page wraps its field:
 *
 *   <!--# if expr="$fznb_search_q" --><!--# include virtual="query/$fznb_search_q" --><!--# else -->
 *   <input id="search-q" name="q" …>
 *   <!--# endif -->
 *
 * and query.shtml, beside the page in each edition, is the same field with its value:
 *
 *   <input id="search-q" name="q" … value="<!--# echo var="fznb_search_text" encoding="entity" default="" -->">
 *
 * deploy/nginx.conf turns SSI on for the search pages only, gives $fznb_search_q (the query as
 * sent, with the '+' a form writes for a space made %20 again) and answers the sub-request
 * query/<decoded query> with this file, the decoded query in $fznb_search_text. The value is
 * written HTML-escaped (encoding="entity": < > & and " — the attribute is in double quotes).
 * tests/gates/nginx.test.ts runs the pair for real.
 */

/** The file beside each edition's search page (index.html) with the field and its value. */
export const SERVER_QUERY_FILE = 'query.shtml';
/** nginx's variable (deploy/nginx.conf, map): the query as sent, '+' turned back into %20. */
export const SERVER_QUERY_VAR = 'fznb_search_q';
/** nginx's variable (deploy/nginx.conf, the sub-request's location): the decoded query. */
export const SERVER_QUERY_TEXT_VAR = 'fznb_search_text';
/** The sub-request's address, relative to the search page; nginx maps it to SERVER_QUERY_FILE. */
export const SERVER_QUERY_PATH = 'query/';

/** Written before the search field on the search page. */
export const serverQueryOpen =
  `<!--# if expr="$${SERVER_QUERY_VAR}" -->` +
  `<!--# include virtual="${SERVER_QUERY_PATH}$${SERVER_QUERY_VAR}" -->` +
  '<!--# else -->';
/** Written after the search field on the search page. */
export const serverQueryClose = '<!--# endif -->';

/**
 * The content of SERVER_QUERY_FILE for a built search page: the one <input> the page wrapped
 * between serverQueryOpen and serverQueryClose, with its value written in by nginx. Built from
 * the finished page (either edition), so the field is the page's own, attribute for attribute.
 * Throws when the page has no wrapped field, or more than an input there.
 */
export function serverQueryField(page: string): string {
  const at = page.indexOf(serverQueryOpen);
  const end = at < 0 ? -1 : page.indexOf(serverQueryClose, at);
  if (at < 0 || end < 0) throw new Error('The search page has no field wrapped in serverQueryOpen … serverQueryClose.');
  const field = page.slice(at + serverQueryOpen.length, end).trim();
  if (!/^<input\b(?:[^>"']|"[^"]*"|'[^']*')*>$/.test(field) || /\svalue\s*=/.test(field)) {
    throw new Error(`The search page wraps something other than one input without a value: ${field.slice(0, 200)}`);
  }
  const value = ` value="<!--# echo var="${SERVER_QUERY_TEXT_VAR}" encoding="entity" default="" -->"`;
  return field.replace(/\s*\/?>$/, (close) => `${value}${close.trimStart() === '/>' ? ' />' : '>'}`);
}
