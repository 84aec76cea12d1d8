import { describe, expect, it } from 'vitest';
import { SERVER_QUERY_TEXT_VAR, serverQueryClose, serverQueryField, serverQueryOpen } from '../../src/search/server-query';

const page = (field: string) => `<form id="search-form">${serverQueryOpen}${field}${serverQueryClose}<button>搜索</button></form>`;
const echo = `<!--# echo var="${SERVER_QUERY_TEXT_VAR}" encoding="entity" default="" -->`;

describe('serverQueryField: the search field nginx fills the query into', () => {
  it('is the wrapped field, attribute for attribute, with the value nginx writes', () => {
    expect(serverQueryField(page('<input id="search-q" name="q" type="search" placeholder="如：优待证">'))).toBe(
      `<input id="search-q" name="q" type="search" placeholder="如：优待证" value="${echo}">`,
    );
    expect(serverQueryField(page('<input id="search-q" name="q" />'))).toBe(`<input id="search-q" name="q" value="${echo}" />`);
  });

  it('leaves nothing of the directives in the field', () => {
    expect(serverQueryField(page('<input name="q">'))).not.toMatch(/if expr|include|endif/);
  });

  it('refuses a page without the wrapped field, or with something else wrapped', () => {
    expect(() => serverQueryField('<input name="q">')).toThrow(/no field wrapped/);
    expect(() => serverQueryField(page('<input name="q"><input name="year">'))).toThrow(/other than one input/);
    expect(() => serverQueryField(page('<input name="q" value="x">'))).toThrow(/other than one input/);
  });
});
