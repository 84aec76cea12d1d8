/**
 * The deployment a build is for: read from the environment by `npm run build`, or given as
 * values to Astro's `build()`; the same defaults and checks either way, each message naming
 * where the wrong value came from.
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { deploymentOf, readDeployment } from '../../src/integrations/deployment.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG = 'tests/fixtures/inspection/site.config.ts';

describe('deploymentOf', () => {
  it('takes the content folder from the project root and the rest from the values given', async () => {
    const d = await deploymentOf({ contentDir: 'tests/fixtures/multi-year', configFile: CONFIG, base: 'fzbg', site: 'https://example.gov.cn', outDir: '/tmp/x' }, ROOT);
    expect(d.contentDir).toBe(join(ROOT, 'tests/fixtures/multi-year'));
    expect(d.base).toBe('/fzbg/');
    expect(d.site).toBe('https://example.gov.cn/');
    expect(d.outDir).toBe('/tmp/x');
    expect(d.configFile).toBe(CONFIG);
    expect(d.siteConfig.bureau).toBe('示例局（测试）');
  });

  it('leaves what is not given to the usual folders', async () => {
    const d = await deploymentOf({ configFile: CONFIG }, ROOT);
    expect(d.contentDir).toBe(join(ROOT, 'src/content'));
    expect(d.outDir).toBe('./dist');
    expect(d.cacheDir).toBe('./node_modules/.astro');
  });

  it('refuses a malformed base path, naming the build option', async () => {
    await expect(deploymentOf({ configFile: CONFIG, base: '/fz bg/' }, ROOT)).rejects.toThrow('构建选项 base（基础路径）格式不对：收到 “/fz bg/”');
  });
});

describe('readDeployment', () => {
  it('reads CONTENT_DIR, SITE_CONFIG, SITE_URL, BASE_PATH, OUT_DIR and ASTRO_CACHE_DIR', async () => {
    const d = await readDeployment({
      CONTENT_DIR: ' tests/fixtures/withdrawn ',
      SITE_CONFIG: CONFIG,
      SITE_URL: 'https://example.gov.cn/fzbg/',
      BASE_PATH: '/fzbg',
      OUT_DIR: '/tmp/out',
      ASTRO_CACHE_DIR: '/tmp/cache',
    });
    expect(d.contentDir).toBe(resolve('tests/fixtures/withdrawn'));
    expect(d).toMatchObject({ site: 'https://example.gov.cn/fzbg/', base: '/fzbg/', outDir: '/tmp/out', cacheDir: '/tmp/cache', configFile: CONFIG });
  });

  it('names the environment variable a wrong value came from', async () => {
    await expect(readDeployment({ SITE_CONFIG: CONFIG, SITE_URL: 'example.gov.cn' })).rejects.toThrow('环境变量 SITE_URL（网站地址）格式不对：收到 “example.gov.cn”');
  });
});
