/**
 * `npm run import` end to end: a synthetic report (as .txt in UTF-8 with BOM and CRLF, as
 * GBK, and as a .docx made here) is imported into temporary content folders, the forms
 * compared with each other, built with the real `astro build` and read back line by line
 * against the source. Then every kind of bad input, and --dry-run / --force. (The real
 * reports are checked against their sources in tests/conformance/.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { astroEnv, buildSite, ROOT } from '../helpers/build';
import { normaliseLines, page, textLines } from '../helpers/site';
import { renderTable } from '../../src/importer/mdx.ts';

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

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runImport(contentDir: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    env: astroEnv({ CONTENT_DIR: contentDir, INIT_CWD: ROOT }),
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

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
    const docx = Object.fromEntries(Object.entries(tree(site)).filter(([f]) => f.endsWith('.mdx') && f.includes('2030')));
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
      expect(r.stdout).toContain('年度：2030（取自前言中第一个“2030年”）');
      expect(r.stdout).toContain('标题：示例市测试区某某局2030年法治政府建设年度报告（原文标题）');
      expect(r.stdout).toContain('成文日期：2031-01-10（落款“2031年01月10日”）');
      expect(r.stdout).toContain('报告事项：第一责任人职责（推测）');
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
    expect(text.find('a').map((_, a) => $(a).attr('href')).get()).toEqual([1, 2, 3, 4, 5].map((n) => `/2030/section-${n}/`));
    expect($('#section-1 h3').map((_, h) => $(h).text()).get()).toEqual(['（一）示例小标题,用于测试', '(二)半角括号的小标题']);
    expect($('.signature p').map((_, p) => $(p).text()).get()).toEqual(['示例市测试区某某局', '2031年01月10日']);
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
    ['a text without numbered headings', () => file('无标题.txt', '这是一份测试文本。\n没有编号标题。\n示例局\n2031年1月10日\n'), '没有找到“一、”这样的编号标题'],
    ['an unreadable encoding', () => file('乱码.txt', Buffer.from([0x00, 0x13, 0x81, 0x30, 0xff, 0x80, 0x01, 0x02, 0x03])), '无法识别'],
    ['a broken old .doc', () => file('旧版.doc', OLE2), '另存为 .docx 后再导入'],
    ['an OLE2 file named .docx', () => file('伪装.docx', OLE2), '另存为 .docx 后再导入'],
    ['a PDF', () => file('报告.pdf', '%PDF-1.7\n测试\n'), '请导入报告的 Word 原件（.docx），或把正文复制到记事本中保存为 .txt'],
    ['an unknown extension', () => file('报告.rtf', '{\\rtf1 测试}'), '不支持 .rtf 文件'],
    ['no signature', () => file('无落款.txt', '一、标题（测试）\n正文。\n'), '最后两段不是落款'],
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
