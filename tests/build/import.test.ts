/**
 * `npm run import` end to end: a synthetic report (as .txt in UTF-8 with BOM and CRLF, as
 * GBK, and as a .docx made here) is imported into temporary content folders, the forms
 * compared with each other, built with the real `astro build` and read back line by line
 * against the source. Then every kind of bad input (files beyond any real report among
 * them), the command line, --dry-run / --force, and re-importing a published year of a copy
 * of tests/fixtures/multi-year. (The real reports are checked against their sources in
 * tests/conformance/; interruptions are in import-interrupt.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { astroEnv, buildSite, ROOT } from '../helpers/build';
import { normaliseLines, page, textLines } from '../helpers/site';
import { renderTable } from '../../src/importer/mdx.ts';
import { FIXTURES_DIR } from '../helpers/fixtures';
import { parseEntryFile } from '../../src/domain/entry-file.ts';
import { todayInChina } from '../../src/importer/republish.ts';

/** A made-up report (示例/测试 only): every character and line start MDX would misread. */
const FAKE = [
  '示例市测试区某某局2030年法治政府建设年度报告',
  '2030年,示例局(测试单位,本文全部为测试用的示例文字,不是真实报告)坚持依法行政,现将有关情况报告如下:',
  '前言第二段（示例）：<b>不是粗体</b> & &amp; &copy; {1+1} {/* 注释 */} *星号* **双星** _下划线_ __双下__ [链接](http://example.com) ![图](x.png) `代码` \\反斜杠\\ ~删除~ ~~双删~~ | 竖线 # 井号 邮箱 test@example.com 网址 www.example.com https://example.org/a_b?c=1&d=2 <!-- 注释 --> <Component /> $x$ ^上标^ "引号" \'单引号\'',
  '一、推进法治政府建设的主要举措和成效(示例)',
  '1. 以数字加点开头的一行（示例）',
  '1) 以数字加括号开头的一行（示例）',
  '2030.以年份加点开头的一行（示例）',
  '# 以井号开头的一行（示例）',
  '## 两个井号（测试）',
  '- 以减号开头的一行（示例）',
  '+ 以加号开头的一行（示例）',
  '* 以星号开头的一行（示例）',
  '> 以大于号开头的一行（示例）',
  '---',
  '***',
  '___',
  '===',
  'export const 示例 = 1',
  "import 测试 from '示例'",
  '<div>以尖括号开头的一行（测试）</div>',
  '{以花括号开头的一行}',
  '| 以竖线开头 | 的一行 |',
  '    缩进四格的一行（示例）',
  '行尾有反斜杠\\',
  '[^1]: 像脚注定义的一行（测试）',
  '[示例]: http://example.com',
  '```',
  '~~~',
  '<https://example.com>',
  '&#x41; 和 &lt; 原样（测试）',
  '（一）示例小标题,用于测试',
  '表格前的一段（示例）：',
  '（一）这一段以序号开头,但是继续写成句子。所以仍是段落（测试）。',
  '(二)半角括号的小标题',
  '二、推进法治政府建设存在的不足和原因',
  '测试：存在的不足（示例）。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '测试：第一责任人（示例）。',
  '四、2031年度推进法治政府建设的主要安排',
  '测试：下一年度安排（示例）。',
  '五、其他需要报告的情况',
  '测试：其他情况（示例）。',
  '示例市测试区某某局',
  '2031年01月10日',
];
/** Only in the .docx: a table after this paragraph. */
const TABLE_AFTER = '表格前的一段（示例）：';
const TABLE = [
  ['项目（示例）', '数量|说明', '备注'],
  ['<b>示例</b> & {x}', '1. *测试* _下划线_', '# 井号'],
  ['- 减号开头', '> 大于号', '两段\n文字'],
];

const fakeText = FAKE.join('\r\n') + '\r\n';

async function fakeDocx(): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const line of FAKE) {
    children.push(new Paragraph(line));
    if (line === TABLE_AFTER) {
      const cell = (t: string) => new TableCell({ children: t.split('\n').map((p) => new Paragraph(p)) });
      children.push(new Table({ rows: TABLE.map((r) => new TableRow({ children: r.map(cell) })) }));
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/**
 * A made-up report (示例/测试 only) as a bureau's portal gives it: a 政务公开 metadata table, a title
 * on two lines, parts numbered 1. 2. 3. with a bold run-in sub-heading, a Word footnote, the
 * head's duty inside the first part, a 落款 and a 公开属性 after it.
 */
const LAYOUT_METADATA = [['索引号', '测试-2030-0009', '发布机构', '示例县测试局'], ['成文日期', '2030-01-20', '有效性', '有效']];
async function layoutDocx(): Promise<Buffer> {
  const p = (text: string) => new Paragraph(text);
  const cell = (t: string) => new TableCell({ children: [p(t)] });
  return Packer.toBuffer(
    new Document({
      footnotes: { 1: { children: [p('《示例办法》为测试用的虚构文件。')] } },
      sections: [
        {
          children: [
            new Table({ rows: LAYOUT_METADATA.map((r) => new TableRow({ children: r.map(cell) })) }),
            p('示例县测试局'),
            p('2029年法治政府建设年度报告'),
            p('2029年，示例县测试局（测试单位）推进示例工作。现报告如下：'),
            p('1.主要举措和成效'),
            new Paragraph({
              children: [new TextRun({ text: '（1）健全示例制度。', bold: true }), new TextRun('依照《示例办法》'), new FootnoteReferenceRun(1), new TextRun('修订测试制度。')],
            }),
            p('局主要负责人认真履行推进法治建设第一责任人职责，亲自部署示例工作，年终述法。'),
            p('2.存在的不足和原因'),
            p('示例队伍力量不足。'),
            p('3.2030年工作安排'),
            p('继续推进测试工作。'),
            p('示例县测试局'),
            p('2030年1月20日'),
            p('（此件公开发布）'),
          ],
        },
      ],
    }),
  );
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runScript(script: string, contentDir: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: astroEnv({ CONTENT_DIR: contentDir, INIT_CWD: ROOT, ...env }),
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const runImport = (contentDir: string, ...args: string[]) => runScript('scripts/import.ts', contentDir, args);

/** Every file under a folder (dot folders too) with its text: what an import left behind. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      out[f] = readFileSync(join(dir, f), 'utf8');
    } catch {
      out[f] = '(folder)';
    }
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'fznb-import-'));
const dir = (name: string) => {
  const d = join(work, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const file = (name: string, bytes: Buffer | string) => {
  const f = join(dir('in'), name);
  writeFileSync(f, bytes);
  return f;
};

describe('importing, then building', () => {
  const site = dir('site');
  const runs: Record<string, Run> = {};
  let dist = '';

  beforeAll(async () => {
    const gbk = iconv.encode(fakeText, 'gbk');
    expect(iconv.decode(gbk, 'gbk')).toBe(fakeText); // every character of the sample exists in GBK
    runs.docx = runImport(site, file('示例.docx', await fakeDocx()));
    runs.bom = runImport(dir('bom'), file('示例-utf8.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fakeText)])));
    runs.gbk = runImport(dir('gbk'), file('示例-gbk.txt', gbk));
    runs.layout = runImport(site, file('示例-版式.docx', await layoutDocx()));
    // As staff do before publishing: record the new year (src/domain/record.ts), or the build refuses it.
    const accepted = runScript('scripts/check.ts', site, ['--accept']);
    if (accepted.status !== 0) throw new Error(`npm run check -- --accept failed:\n${accepted.stdout}${accepted.stderr}`);
    const built = buildSite({ CONTENT_DIR: site });
    if (built.status !== 0) throw new Error(`astro build failed:\n${built.output}`);
    dist = built.outDir;
  });

  it('every import succeeds quietly', () => {
    for (const [name, r] of Object.entries(runs)) {
      expect(r.stderr, name).toBe('');
      expect(r.status, name).toBe(0);
    }
  });

  it('the three forms of the synthetic report give the same entries; the .docx adds its table; each keeps its original file', () => {
    const all = tree(join(work, 'bom'));
    expect(Object.keys(all)).toEqual([
      'attachments',
      'attachments/2030',
      'attachments/2030/示例-utf8.txt',
      'reports',
      'reports/2030.mdx',
      'sections',
      'sections/2030',
      ...[1, 2, 3, 4, 5].map((n) => `sections/2030/0${n}.mdx`),
    ]);
    // The original file is kept byte for byte (here with its byte order mark and CRLF).
    expect(readFileSync(join(work, 'bom/attachments/2030/示例-utf8.txt')).equals(readFileSync(join(work, 'in/示例-utf8.txt')))).toBe(true);
    expect(readFileSync(join(site, 'attachments/2030/示例.docx')).equals(readFileSync(join(work, 'in/示例.docx')))).toBe(true);
    const entries = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([f]) => !f.startsWith('attachments')));
    const bom = entries(all);
    expect(entries(tree(join(work, 'gbk')))).toEqual(bom);
    const docx = Object.fromEntries(Object.entries(tree(site)).filter(([f]) => f.endsWith('.mdx') && f.includes('2030') && !f.startsWith('attachments')));
    const table = `${renderTable(TABLE)}\n\n`;
    expect(docx['sections/2030/01.mdx']).toContain(table);
    const bomFiles = Object.fromEntries(Object.entries(bom).filter(([f]) => f.endsWith('.mdx')));
    expect({ ...docx, 'sections/2030/01.mdx': docx['sections/2030/01.mdx']!.replace(table, '') }).toEqual(bomFiles);
  });

  it('the summary says what was found, with the guesses marked', () => {
    expect(runs.bom!.stdout).toContain('读取：');
    expect(runs.bom!.stdout).toContain('文本文件（UTF-8 编码）');
    expect(runs.gbk!.stdout).toContain('文本文件（GBK/GB18030 编码）');
    expect(runs.docx!.stdout).toContain('Word 文档（.docx）');
    for (const r of [runs.bom!, runs.gbk!, runs.docx!]) {
      expect(r.stdout).toContain('年度：2030（取自标题中的“2030年”）');
      expect(r.stdout).toContain('标题：示例市测试区某某局2030年法治政府建设年度报告（原文标题）');
      expect(r.stdout).toContain('成文日期：2031-01-10（落款“2031年01月10日”）');
      expect(r.stdout).toContain('报告事项：第一责任人职责（推测：标题含“党政主要负责人”“第一责任人”“履行”“职责”，18 分）');
      expect(r.stdout).toContain('小标题 2 个');
    }
    expect(runs.docx!.stdout).toContain('表格 1 个');
  });

  it('the built synthetic report equals its source line by line, as plain text, with its table', () => {
    const $ = page(dist, '/2030/');
    expect($('h1').text()).toBe(FAKE[0]);
    const source = normaliseLines(fakeText).slice(1);
    const at = source.indexOf(TABLE_AFTER) + 1;
    // textLines gives each cell its own line; a cell's own line break is a <br>, no line of its own.
    const cells = TABLE.flat().map((c) => c.replace(/\n/g, ''));
    expect(textLines($, '.report .report-text')).toEqual([...source.slice(0, at), ...cells, ...source.slice(at)]);
  });

  it('nothing in it became Markdown, JSX or HTML: no lists, quotes, rules, code, emphasis or links', () => {
    const $ = page(dist, '/2030/');
    const text = $('.report-text');
    expect(text.find('ol, ul, blockquote, hr, pre, code, em, strong, del, img, sup, h1, h4, h5, h6, b, i, component, div:not([class])').length).toBe(0);
    // The only links are the site's own after each section (单独阅读本部分, 返回目录), none in the report's text.
    expect(text.find('a').filter((_, a) => $(a).closest('[data-chrome]').length === 0).length).toBe(0);
    expect(text.find('[data-chrome] a').map((_, a) => $(a).attr('href')).get()).toEqual([1, 2, 3, 4, 5].flatMap((n) => [`/2030/section-${n}/`, '#contents']));
    expect($('#section-1 h3').map((_, h) => $(h).text()).get()).toEqual(['（一）示例小标题,用于测试', '(二)半角括号的小标题']);
    expect($('.signature p').map((_, p) => $(p).text()).get()).toEqual(['示例市测试区某某局', '2031年01月10日']);
  });

  it('a report as a portal gives it: the summary lists what is not report text, reads the metadata, and gives the first part both items', () => {
    const out = runs.layout!.stdout;
    expect(out).toContain('标题：示例县测试局2029年法治政府建设年度报告（原文标题）');
    expect(out).toContain('索引号：测试-2030-0009（取自政务公开信息）');
    expect(out).toContain('  - 索引号 | 测试-2030-0009 | 发布机构 | 示例县测试局（政务公开信息，已读入：索引号、发布机构）');
    expect(out).toContain('  - （此件公开发布）（公开属性）');
    expect(out).toContain('报告事项：主要举措和成效、第一责任人职责（推测：');
    expect(out).toContain('脚注 1 个');
  });

  it('its page shows the text, the run-in sub-heading, the footnote where it stood, and none of the furniture', () => {
    const $ = page(dist, '/2029/');
    expect($('h1').text()).toBe('示例县测试局2029年法治政府建设年度报告');
    expect($('#section-1 h3').map((_, h) => $(h).text()).get()).toEqual(['（1）健全示例制度。']);
    expect($('#section-1 [data-footnote-ref]').length).toBe(1);
    expect($('#section-1 [data-footnotes]').text()).toContain('《示例办法》为测试用的虚构文件。');
    expect($('#section-1').text()).toContain('依照《示例办法》');
    // The metadata shows in the page's 文件信息, read into the report's fields; never in its text.
    expect($('.report').text()).toContain('测试-2030-0009');
    const text = $('.report-text').text();
    for (const furniture of ['索引号', '测试-2030-0009', '有效性', '（此件公开发布）']) expect(text).not.toContain(furniture);
  });

  it('the table renders as a <table> with a header row of <th>', () => {
    const $ = page(dist, '/2030/');
    const table = $('#section-1 table');
    expect(table).toHaveLength(1);
    expect(table.find('thead th').map((_, c) => $(c).text()).get()).toEqual(TABLE[0]);
    expect(table.find('tbody tr')).toHaveLength(2);
    expect(table.find('tbody td').last().html()).toBe('两段<br>文字');
  });
});

describe('bad input', () => {
  const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  const cases: [string, () => string | Promise<string>, string][] = [
    ['a missing file', () => join(work, 'in/不存在.docx'), '找不到文件'],
    ['an empty file', () => file('空.txt', ''), '是空的'],
    ['a blank .docx', async () => file('空白.docx', await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] }))), '是空的'],
    ['a text without numbered headings', () => file('无标题.txt', '这是一份测试文本。\n没有编号标题。\n示例局\n2031年1月10日\n'), '没有找到各部分的编号标题'],
    ['an unreadable encoding', () => file('乱码.txt', Buffer.from([0x00, 0x13, 0x81, 0x30, 0xff, 0x80, 0x01, 0x02, 0x03])), '无法识别'],
    ['a broken old .doc', () => file('旧版.doc', OLE2), '另存为 .docx 后再导入'],
    ['an OLE2 file named .docx', () => file('伪装.docx', OLE2), '另存为 .docx 后再导入'],
    ['a PDF', () => file('报告.pdf', '%PDF-1.7\n测试\n'), '请导入报告的 Word 原件（.docx），或把正文复制到记事本中保存为 .txt'],
    ['an unknown extension', () => file('报告.rtf', '{\\rtf1 测试}'), '不支持 .rtf 文件'],
    ['no date and no year anywhere', () => file('无落款.txt', '一、标题（测试）\n正文。\n'), '中没有找到成文日期，标题和前言中也没有年份，没有导入。看过的地方：文末的最后几段“正文。”不是落款'],
  ];

  it.each(cases)('%s: exit code 1, one Chinese message naming the file, no stack trace, nothing written', async (_, make, message) => {
    const path = await make();
    const content = dir(`bad-${Math.random().toString(36).slice(2)}`);
    const r = runImport(content, path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(path.split('/').pop());
    expect(r.stderr).not.toMatch(/^\s+at |Error:|node:internal|\.ts:\d+/m);
    expect(readdirSync(content)).toEqual([]);
  });

  it('bad arguments: the usage, exit code 1', () => {
    const content = dir('bad-args');
    for (const args of [[], ['a.txt', 'b.txt'], ['a.txt', '--yaer', '2030'], ['a.txt', '--year', '二〇三〇'], ['a.txt', '--year', '203']]) {
      const r = runImport(content, ...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/用法|--year 应为/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    expect(readdirSync(content)).toEqual([]);
  });
});

describe('dry run, existing years and --force', () => {
  const seed = file('示例-再次导入.txt', fakeText);

  it('--dry-run prints the summary and writes nothing', () => {
    const content = dir('dry');
    const r = runImport(content, seed, '--dry-run');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('年度：2030');
    expect(r.stdout).toContain('这是试运行（--dry-run），没有写入任何文件。');
    expect(readdirSync(content)).toEqual([]);
  });

  it('--year overrides the year and says so', () => {
    const content = dir('year');
    const r = runImport(content, seed, '--year', '2022', '--dry-run');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('年度：2022（由 --year 指定）');
    expect(r.stdout).toContain(`${join(content, 'reports/2022.mdx')}`);
  });

  it('a report that prints no date is imported as a draft; the check holds it back until the date is written', () => {
    const content = dir('undated');
    const undated = fakeText.replace(/\r\n[^\r\n]*\d{4}年\d{1,2}月\d{1,2}日\r\n$/, '\r\n');
    expect(undated).not.toBe(fakeText);
    const r = runImport(content, file('示例-无日期.txt', undated));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('成文日期：2031-01-10（原文中没有找到，暂填 2031-01-10，标为“待填写”，报告存为草稿）');
    expect(r.stdout).toContain('原文中没有找到成文日期（看过的地方：文末的最后几段');
    const reportFile = join(content, 'reports/2030.mdx');
    const text = readFileSync(reportFile, 'utf8');
    expect(text).toContain('signedOn: 2031-01-10 # 待填写：落款日期，原文中没有');
    expect(text).toContain('draft: true # 填好成文日期、核对后删除这一行即发布');
    expect(runScript('scripts/check.ts', content, []).status).toBe(0);
    writeFileSync(reportFile, text.replace(/^draft: true.*\n/m, ''));
    const published = runScript('scripts/check.ts', content, []);
    expect(published.status).toBe(1);
    expect(published.stdout + published.stderr).toContain('“signedOn: 2031-01-10 # 待填写：落款日期，原文中没有”还标着“待填写”');
  });

  it('a report that names no agency is given the site’s bureau, and the summary says so', () => {
    const content = dir('no-agency');
    const config = 'tests/fixtures/inspection/site.config.ts';
    const r = runScript('scripts/import.ts', content, [file('示例-无机构.txt', '法治政府建设年度报告（2030年度）\n前言（测试）。\n一、主要举措和成效\n测试：主要举措（示例）。\n二、存在的不足和原因\n测试：不足（示例）。\n2031年1月10日\n')], { SITE_CONFIG: config });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/发布机构：(.+)（原文中没有读出，按网站设置（site\.config\.ts 的 bureau）填写）/);
    const bureau = /发布机构：(.+?)（/.exec(r.stdout)![1]!;
    expect(readFileSync(join(content, 'reports/2030.mdx'), 'utf8')).toContain(`agency: ${bureau}`);
  });

  it('refuses an existing year without --force and changes nothing', () => {
    const content = dir('existing');
    expect(runImport(content, seed).status).toBe(0);
    const before = tree(content);
    const r = runImport(content, seed);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('2030 年的报告已经存在');
    expect(r.stderr).toContain('请加 --force');
    expect(r.stderr).toContain('请用 --year 指定年度');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(tree(content)).toEqual(before);
  });

  it('--force replaces the year as a whole: no stale section, no scratch folder, other years untouched', () => {
    const fresh = dir('force-fresh');
    expect(runImport(fresh, seed).status).toBe(0);
    const content = dir('force');
    mkdirSync(join(content, 'reports'));
    mkdirSync(join(content, 'sections/2030'), { recursive: true });
    writeFileSync(join(content, 'reports/2030.mdx'), 'old report\n');
    writeFileSync(join(content, 'reports/2029.mdx'), 'another year\n');
    for (const n of ['01', '05', '08']) writeFileSync(join(content, `sections/2030/${n}.mdx`), `old ${n}\n`);
    const r = runImport(content, seed, '--force');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已整体替换 6 个文件');
    const after = tree(content);
    expect(Object.keys(after)).toEqual([
      'attachments',
      'attachments/2030',
      'attachments/2030/示例-再次导入.txt',
      'reports',
      'reports/2029.mdx',
      'reports/2030.mdx',
      'sections',
      'sections/2030',
      ...[1, 2, 3, 4, 5].map((n) => `sections/2030/0${n}.mdx`),
    ]);
    expect(after['reports/2029.mdx']).toBe('another year\n');
    const { 'reports/2029.mdx': _other, ...imported } = after;
    expect(imported).toEqual(tree(fresh));
  });
});

describe('files beyond any real report are refused before they are read or inflated', () => {
  const MB = 1024 * 1024;
  /** Writes a child's peak memory (kB) to FZNB_RSS_FILE when it exits. */
  const PEAK_MEMORY = `data:text/javascript,${encodeURIComponent(
    "import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.FZNB_RSS_FILE,String(process.resourceUsage().maxRSS)))",
  )}`;

  /** One deflated entry of a zip: its name, CRC-32, sizes and data. */
  interface Part {
    name: Buffer;
    crc: number;
    size: number;
    compressed: number;
    data: Buffer[];
  }
  const part = (name: string, text: string): Part => {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    return { name: Buffer.from(name), crc: crc32(raw), size: raw.length, compressed: data.length, data: [data] };
  };
  /** An entry of `size` bytes of repeated paragraphs, deflated as a stream: the test never holds it inflated. */
  async function repeatedPart(name: string, head: string, repeated: string, tail: string, size: number): Promise<Part> {
    const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
    const data: Buffer[] = [];
    deflate.on('data', (c: Buffer) => data.push(c));
    const ended = new Promise((resolve) => deflate.on('end', resolve));
    let crc = 0;
    let total = 0;
    const write = async (b: Buffer) => {
      crc = crc32(b, crc);
      total += b.length;
      if (!deflate.write(b)) await new Promise((resolve) => deflate.once('drain', resolve));
    };
    await write(Buffer.from(head));
    const chunk = Buffer.from(repeated.repeat(Math.ceil(65_536 / repeated.length)));
    while (total < size) await write(chunk);
    await write(Buffer.from(tail));
    deflate.end();
    await ended;
    return { name: Buffer.from(name), crc, size: total, compressed: data.reduce((n, b) => n + b.length, 0), data };
  }
  /** The parts as a zip file: local headers and data, the central directory, its end record. */
  function zip(parts: Part[]): Buffer {
    const body: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const p of parts) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(8, 8); // deflate
      local.writeUInt32LE(p.crc >>> 0, 14);
      local.writeUInt32LE(p.compressed, 18);
      local.writeUInt32LE(p.size, 22);
      local.writeUInt16LE(p.name.length, 26);
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(0x0800, 8);
      entry.writeUInt16LE(8, 10);
      entry.writeUInt32LE(p.crc >>> 0, 16);
      entry.writeUInt32LE(p.compressed, 20);
      entry.writeUInt32LE(p.size, 24);
      entry.writeUInt16LE(p.name.length, 28);
      entry.writeUInt32LE(offset, 42);
      body.push(local, p.name, ...p.data);
      central.push(entry, p.name);
      offset += 30 + p.name.length + p.compressed;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(central.reduce((n, b) => n + b.length, 0), 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...body, ...central, end]);
  }
  /** A valid .docx whose word/document.xml is `size` bytes of one paragraph repeated (示例/测试 text). */
  async function inflatingDocx(size: number): Promise<Buffer> {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    return zip([
      part(
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      part(
        '_rels/.rels',
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      await repeatedPart(
        'word/document.xml',
        `<?xml version="1.0"?><w:document ${W}><w:body>`,
        '<w:p><w:r><w:t>示例测试段落</w:t></w:r></w:p>',
        '</w:body></w:document>',
        size,
      ),
    ]);
  }

  it('a .docx under 1 MB that inflates to 300 MB: refused before it is inflated, in bounded memory, nothing written', async () => {
    const bytes = await inflatingDocx(300 * MB);
    expect(bytes.length).toBeLessThan(MB);
    const zipped = await JSZip.loadAsync(bytes); // a valid package: JSZip reads it (without inflating)
    expect(Object.keys(zipped.files)).toContain('word/document.xml');
    const path = file('膨胀测试.docx', bytes);
    const content = dir('too-large-docx');
    const peak = join(work, 'peak-memory.txt');
    const r = spawnSync(process.execPath, ['--import', PEAK_MEMORY, join(ROOT, 'scripts/import.ts'), path], {
      cwd: ROOT,
      env: astroEnv({ CONTENT_DIR: content, INIT_CWD: ROOT, FZNB_RSS_FILE: peak }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('膨胀测试.docx 太大，不像一份年度报告');
    expect(r.stderr).toMatch(/word\/document\.xml 有 3\d\d MB，超过上限 20\.0 MB/);
    expect(r.stderr).not.toMatch(/^\s+at |Error:/m);
    expect(Number(readFileSync(peak, 'utf8')) / 1024).toBeLessThan(400); // MB; inflating it took 4.6 GB
    expect(readdirSync(content)).toEqual([]);
  });

  it('a .txt above 5 MB, and any file above 100 MB, are refused with the limit', () => {
    const content = dir('too-large-text');
    const text = runImport(content, file('很长.txt', '示例测试文字。\n'.repeat(300_000)));
    expect(text.status).toBe(1);
    expect(text.stderr).toMatch(/很长\.txt 有 6\.\d MB，超过文本文件的上限 5\.0 MB/);
    const huge = file('很大.docx', '');
    truncateSync(huge, 101 * MB); // sparse: nothing is written to disk, nothing is read
    const any = runImport(content, huge);
    expect(any.status).toBe(1);
    expect(any.stderr).toContain('很大.docx 有 101 MB，超过可导入文件的上限 100 MB');
    expect(readdirSync(content)).toEqual([]);
  });
});

describe('the command line', () => {
  const bad: [string[], string][] = [
    [['a.txt', '--frce'], '不认识的选项 --frce。是不是 --force？可用：--year、--dry-run、--force、--correction'],
    [['a.txt', '--verbose'], '不认识的选项 --verbose。可用：--year、--dry-run、--force、--correction'],
    [['-示例报告.docx'], '文件名以“-”开头时请写成 ./-示例报告.docx'],
    [['a.txt', '--year'], '--year 后面要写值，例如 --year 2025'],
    [['a.txt', '--year', '--force'], '--year 后面要写值，例如 --year 2025'],
    [['a.txt', '--force=yes'], '--force 后面不用写值'],
    [['a.txt', '--correction', '更正（测试）'], '--correction 用于重新导入已经发布的报告，要和 --force 一起用'],
    [['a.txt', '--force', '--correction', ' '], '--correction 后面要写改了什么'],
  ];
  it.each(bad)('import %j: one Chinese message and the usage, exit code 1, nothing written', (args, message) => {
    const content = dir('args');
    const r = runImport(content, ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('用法：npm run import');
    expect(r.stderr).not.toMatch(/Unknown|option|argument|ambiguous|\bat /i);
    expect(readdirSync(content)).toEqual([]);
  });

  it('a file whose name starts with “-” imports when written ./-name', () => {
    file('-示例.txt', fakeText);
    const r = runScript('scripts/import.ts', dir('dash'), ['./-示例.txt', '--dry-run'], { INIT_CWD: join(work, 'in') });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('读取：./-示例.txt');
  });

  it.each([
    [['--draft', '2030'], '不认识的选项 --draft。'],
    [['-2030'], '不认识的选项 -2030。'],
    [['2030', '2031'], '用法：npm run new'],
  ])('new %j: a Chinese message, exit code 1, nothing written', (args, message) => {
    const content = dir('new-args');
    const r = runScript('scripts/new.ts', content, args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/Unknown|option|argument|\bat /i);
    expect(readdirSync(content)).toEqual([]);
  });
});

describe('re-importing a published year (--force)', () => {
  /** The 2023 report of tests/fixtures/multi-year as its source file would have it (all synthetic). */
  const SOURCE_2023 = [
    '示例局2023年法治政府建设年度报告（测试数据）',
    '这是示例局2023年法治政府建设年度报告的测试前言，内容均为虚构。现将示例局2023年的测试数据报告如下：',
    '一、示例举措一：测试性宣传教育',
    '示例局在2023年开展示例普法进社区活动5场，本段为测试数据。',
    '测试期间共接待虚构咨询30人次，仅供示例。',
    '二、示例举措二：测试服务保障',
    '示例局在2023年受理示例优待证申请约20人，所有数字均为测试数据。',
    '举办示例专场招聘会2场，提供岗位400个；发放测试救助资金约8.30万元。',
    '三、示例负责人履行测试职责情况',
    '示例局主要负责人主持测试专题会议3次，本段为虚构内容。',
    '示例负责人带头参加测试学法考试。',
    '四、示例不足：测试统筹仍需加强',
    '示例统筹谋划不够深入，这是一句测试文字。',
    '测试原因是示例经验不足，本段纯属虚构。',
    '五、示例局2024年度测试安排',
    '2024年，示例局将进一步完善测试数据，本段为虚构内容。',
    '六、示例其他情况（测试）',
    '示例局没有其他需要说明的真实情况，本段仅为测试。',
    '示例局（测试）',
    '2024年1月10日',
    '',
  ].join('\n');
  const same = file('2023示例原文.txt', SOURCE_2023);
  const corrected = file('2023示例原文（更正）.txt', SOURCE_2023.replace('普法进社区活动5场', '普法进社区活动6场'));

  /** A copy of the multi-year fixture whose 2023 report also has a topic, a correction, a withdrawal and an attachment, all recorded. */
  function published(): string {
    const d = mkdtempSync(join(work, 'published-'));
    cpSync(join(FIXTURES_DIR, 'multi-year'), d, { recursive: true });
    const report = join(d, 'reports/2023.mdx');
    writeFileSync(
      report,
      readFileSync(report, 'utf8').replace(
        'indexNumber: 测试-2024-0001\n',
        'indexNumber: 测试-2024-0001\ntopic: 综合政务（测试）\ncorrections:\n  - date: 2024-03-01\n    note: 更正示例说明（测试）\nwithdrawn:\n  date: 2024-06-01\n  reason: 测试撤回（示例）\n',
      ),
    );
    mkdirSync(join(d, 'attachments/2023'), { recursive: true });
    writeFileSync(join(d, 'attachments/2023/旧原件（测试）.txt'), '已发布的示例附件（测试）\n');
    const accepted = check(d, '--accept');
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
    return d;
  }
  const check = (d: string, ...args: string[]) => runScript('scripts/check.ts', d, args);
  const frontmatter = (path: string) => {
    const read = parseEntryFile(readFileSync(path, 'utf8'), path);
    if (!('entry' in read)) throw new Error(read.problem.message);
    return read.entry.frontmatter;
  };
  const sectionsOf = (d: string) =>
    readdirSync(join(d, 'sections/2023'))
      .sort()
      .map((f) => frontmatter(join(d, 'sections/2023', f)));

  it('the same text: keeps the metadata, corrections, withdrawal, items, figures and attachments; adds the file beside them', () => {
    const d = published();
    const report = frontmatter(join(d, 'reports/2023.mdx'));
    const sections = sectionsOf(d);
    const r = runImport(d, same, '--force');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('沿用原有的：发布日期 2024-02-01、索引号 测试-2024-0001、主题分类 综合政务（测试）、更正记录 1 条、撤回说明（2024-06-01）');
    expect(frontmatter(join(d, 'reports/2023.mdx'))).toEqual(report);
    expect(sectionsOf(d)).toEqual(sections);
    expect(readdirSync(join(d, 'attachments/2023')).sort()).toEqual(['2023示例原文.txt', '旧原件（测试）.txt']);
    expect(readFileSync(join(d, 'attachments/2023/旧原件（测试）.txt'), 'utf8')).toBe('已发布的示例附件（测试）\n');
    // An attachment added needs no correction; the check records it.
    expect(check(d, '--accept').status).toBe(0);
    expect(check(d).status).toBe(0);
    // The same file again adds nothing.
    const again = runImport(d, same, '--force');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('原文件与原有的附件 2023示例原文.txt 相同，不再重复保存');
    expect(readdirSync(join(d, 'attachments/2023'))).toHaveLength(2);
  });

  it('changed text without --correction: refused, saying why and what to write; nothing changes', () => {
    const d = published();
    const before = tree(d);
    const r = runImport(d, corrected, '--force');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('2023 年的报告已经发布');
    expect(r.stderr).toContain('正文（前言、各部分标题和正文、落款）');
    expect(r.stderr).toContain('--correction "');
    expect(r.stderr).toContain('没有改动任何文件');
    expect(tree(d)).toEqual(before);
    // A dry run says the same without refusing.
    const dry = runImport(d, corrected, '--force', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('正式导入时：2023 年的报告已经发布');
    expect(tree(d)).toEqual(before);
  });

  it('with --correction: the note is dated today, the figure no longer printed is dropped and named, and npm run check accepts it', () => {
    const d = published();
    const note = '更正第一部分中普法活动的场次（测试）';
    const r = runImport(d, corrected, '--force', '--correction', note);
    expect(r.status, r.stderr).toBe(0);
    const report = frontmatter(join(d, 'reports/2023.mdx'));
    expect(report.corrections).toEqual([
      { date: '2024-03-01', note: '更正示例说明（测试）' },
      { date: todayInChina(), note },
    ]);
    expect(report).toMatchObject({ publishedOn: '2024-02-01', indexNumber: '测试-2024-0001', topic: '综合政务（测试）', withdrawn: { date: '2024-06-01', reason: '测试撤回（示例）' } });
    const [first] = sectionsOf(d);
    expect((first!.figures as { key: string }[]).map((f) => f.key)).toEqual(['legal-consultations']);
    expect(r.stdout).toMatch(/sections\/2023\/01\.mdx：主要数据“普法活动”（law-outreach-events）的数值“5”在新的正文中找不到，已去掉/);
    expect(r.stdout).toContain(`新增更正记录：${todayInChina()} ${note}`);
    const accepted = check(d, '--accept');
    expect(accepted.status, accepted.stdout).toBe(0);
    expect(check(d).status).toBe(0);
  });
});
