/**
 * A site of several years, built from the synthetic fixture in tests/fixtures/multi-year
 * (its README lists where each marker term occurs): year and item filters with counts,
 * newest-first order, and the home page's list of years.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtFixture } from '../helpers/fixtures';
import { serve, type Served } from '../helpers/serve';
import { fileBrowser, type FileBrowser } from '../helpers/browser';
import { page as builtPage } from '../helpers/site';

let site: Served;
let browser: FileBrowser;
let dist: string;

beforeAll(async () => {
  dist = (await builtFixture('multi-year')).dist;
  site = await serve(dist);
  browser = await fileBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function search(page: Page, params: string, expected: number) {
  await page.goto(`${site.url}search/?${params}`);
  await expect.poll(() => page.locator('#search-results[data-query] li').count()).toBe(expected);
  return page.locator('#search-results li a.result-title').allTextContents();
}

describe('search across years', () => {
  it('counts hits per year and per item', async () => {
    const page = await browser.newPage();
    const titles = await search(page, `q=${encodeURIComponent('示例优待证')}`, 4);
    expect(titles.map((t) => t.slice(0, 5)).sort()).toEqual(['2021年', '2022年', '2022年', '2023年']);
    expect(await page.locator('#search-year option').allTextContents()).toEqual([
      '全部年度',
      '2023年（1）',
      '2022年（2）',
      '2021年（1）',
    ]);
    expect(await page.locator('#search-item option').allTextContents()).toEqual([
      '全部事项',
      '主要举措和成效（3）',
      '存在的不足和原因（0）',
      '第一责任人职责（1）',
      '下一年度主要安排（0）',
      '其他需要报告的情况（0）',
    ]);
    await page.close();
  });

  it('narrows to one year from the filter, keeping the choice in the address', async () => {
    const page = await browser.newPage();
    await search(page, `q=${encodeURIComponent('示例优待证')}`, 4);
    await page.locator('#search-year').selectOption('2022');
    await expect.poll(() => page.locator('#search-results li').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2022');
    for (const t of await page.locator('#search-results a.result-title').allTextContents()) expect(t).toMatch(/^2022年 · /);
    // The counts still tell the reader what the other years hold.
    expect(await page.locator('#search-year option:checked').textContent()).toBe('2022年（2）');
    await page.close();
  });

  it('filters by year and item from the URL alone, as the no-JavaScript form sends them', async () => {
    const page = await browser.newPage();
    expect(await search(page, `q=${encodeURIComponent('示例优待证')}&year=2021`, 1)).toEqual([
      expect.stringMatching(/^2021年 · 一、/),
    ]);
    await search(page, `q=${encodeURIComponent('示例优待证')}&item=${encodeURIComponent('第一责任人职责')}`, 1);
    await page.close();
  });

  it('orders newest year first when asked', async () => {
    const page = await browser.newPage();
    const titles = await search(page, `q=${encodeURIComponent('示例普法')}&sort=newest`, 3);
    expect(titles.map((t) => t.slice(0, 5))).toEqual(['2023年', '2022年', '2021年']);
    expect(await page.locator('#search-sort').inputValue()).toBe('newest');
    await page.close();
  });
});

describe('pages across years', () => {
  it('home lists every year, newest first, after the latest report', () => {
    const $ = builtPage(dist, '/');
    expect($('.latest h1').text()).toBe('示例局2023年法治政府建设年度报告（测试数据）');
    expect($('.year-list-year').map((_, e) => $(e).text()).get()).toEqual(['2023年报告', '2022年报告', '2021年报告']);
    expect($('.year-list li').first().find('.report-dates').text()).toContain('发布日期：2024-02-01');
  });

  it('a table in a section renders as a table with its header row', () => {
    const $ = builtPage(dist, '/2022/section-2/');
    expect($('.report-text table thead th').map((_, e) => $(e).text()).get()).toEqual(['项目', '数量']);
    expect($('.report-text table tbody tr')).toHaveLength(2);
  });
});
