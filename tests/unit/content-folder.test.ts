/**
 * The one reader of a content folder (src/domain/content-folder.ts), on copies of the
 * multi-year fixture: what may be in the folder, what an entry may hold, what an attachment
 * may be. Each refusal names the file and what to do, and nothing refused is read, so the
 * build (which is filled from this same reading) can never publish it.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContentFolder, loadContentFolder } from '../../src/domain/content-folder';
import { errorsOf } from '../../src/domain/check';
import { FIXTURES_DIR } from '../helpers/fixtures';

/** A copy of the multi-year fixture outside git; paths in messages are relative to it. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-folder-'));
  cpSync(join(FIXTURES_DIR, 'multi-year'), dir, { recursive: true });
  return dir;
}

const errors = (dir: string, today = '2026-12-06') => errorsOf(checkContentFolder(dir, { root: dir, today }).problems);
const said = (dir: string) => errors(dir).map((p) => `${p.file} · ${p.field}：${p.message}`).join('\n');
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const after = text.replace(from, to);
  if (after === text) throw new Error(`${String(from)} not in ${file}`);
  writeFileSync(file, after);
};

describe('the folder as the fixture has it', () => {
  it('reads and passes', () => {
    expect(errors(copy())).toEqual([]);
  });
});

describe('only the documented layout is read; anything else is named', () => {
  it.each([
    ['a copy with a Windows suffix', 'reports/2023 - 副本.mdx', 'reports/ 中只能有报告文件'],
    ['a name with # after .mdx', 'sections/2022/01.mdx#', 'sections/2022/ 中只能有各部分的文件'],
    ['a name with ?', 'sections/2022/01.mdx?', 'sections/2022/ 中只能有各部分的文件'],
    ['a name with %', 'reports/2023%20.mdx', 'reports/ 中只能有报告文件'],
    ['a section named like a decimal', 'sections/2022/0.3.mdx', 'sections/2022/ 中只能有各部分的文件'],
    ['a stray file at the top', 'notes.txt', '内容文件夹的第一层只能有'],
    ['a folder of sections not named by a year', 'sections/2022-old/01.mdx', 'sections/ 中只能有以四位年度命名的文件夹'],
  ])('%s', (_name, path, message) => {
    const dir = copy();
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), readFileSync(join(dir, 'sections/2022/01.mdx')));
    const out = said(dir);
    expect(out).toContain(`${path.split('/')[0] === path ? path : path.split('/').slice(0, 1).join('/')}`);
    expect(out).toContain(message);
  });

  it('a folder named like a file is named, not read as one (no stack trace)', () => {
    const dir = copy();
    mkdirSync(join(dir, 'sections/2022/08.mdx'));
    writeFileSync(join(dir, 'sections/2022/08.mdx/x.mdx'), 'x');
    expect(said(dir)).toContain('sections/2022/08.mdx · (文件名)：sections/2022/ 中只能有各部分的文件，文件名是两位顺序号加 .mdx（第一部分是 01.mdx）；这个文件夹不是');
  });

  it('a symbolic link is refused wherever it points, even to a good file', () => {
    const dir = copy();
    renameSync(join(dir, 'sections/2022/01.mdx'), join(dir, 'elsewhere.mdx'));
    symlinkSync(join(dir, 'elsewhere.mdx'), join(dir, 'sections/2022/01.mdx'));
    expect(said(dir)).toContain('sections/2022/01.mdx · (文件名)：这是一个符号链接（快捷方式）');
  });

  it('a dangling link is named too, never followed', () => {
    const dir = copy();
    symlinkSync(join(dir, 'nowhere.mdx'), join(dir, 'reports/2030.mdx'));
    expect(said(dir)).toContain('reports/2030.mdx · (文件名)：这是一个符号链接');
  });

  it('hidden items (an importer’s scratch file, .DS_Store) are not content and not read', () => {
    const dir = copy();
    writeFileSync(join(dir, '.DS_Store'), '\0\0');
    mkdirSync(join(dir, '.import-2030'));
    writeFileSync(join(dir, '.import-2030/01.mdx'), 'not an entry');
    expect(errors(dir)).toEqual([]);
  });

  it('a section’s file name is its order, and its folder its report', () => {
    const dir = copy();
    renameSync(join(dir, 'sections/2022/02.mdx'), join(dir, 'sections/2022/07.mdx'));
    expect(said(dir)).toContain('文件名说这是第 7 部分，order 却是 2');
    const other = copy();
    mkdirSync(join(other, 'sections/2021'), { recursive: true });
    edit(join(other, 'sections/2022/01.mdx'), /^report: 2022$/m, 'report: 2021');
    expect(said(other)).toContain('文件在 2022/ 文件夹中，report 却是 2021');
  });
});

describe('an entry is text: the same bytes and parse for check and build', () => {
  it('CR-only line ends read as line ends', () => {
    const dir = copy();
    const file = join(dir, 'reports/2021.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r'));
    expect(errors(dir)).toEqual([]);
  });

  it('a heading that YAML 1.1 would read as a date stays the text written', () => {
    const dir = copy();
    const loaded = loadContentFolder(dir, dir);
    const before = loaded.sections.find((s) => s.id === '2022/01')!.data.heading;
    edit(join(dir, 'sections/2022/01.mdx'), `heading: ${before}`, 'heading: 2024-01-08');
    expect(loadContentFolder(dir, dir).sections.find((s) => s.id === '2022/01')!.data.heading).toBe('2024-01-08');
  });

  it('bytes that are not UTF-8 are refused with the way to save the file', () => {
    const dir = copy();
    writeFileSync(join(dir, 'reports/2021.mdx'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc4, 0xe3, 0x0a]));
    expect(said(dir)).toContain('reports/2021.mdx · (文件)：文件不是 UTF-8 编码');
  });

  it.each([
    ['Word’s manual line break', '\u000B', 'Word 的手动换行符（U+000B）。请在那里另起一段，或删掉它'],
    ['a direction override', '\u202E', '改变文字显示方向的控制字符（U+202E）'],
    ['a NUL', '\u0000', '不可见的控制字符（U+0000）'],
    ['a zero-width space', '\u200B', '零宽空格（U+200B）'],
  ])('%s is named with its line', (_name, ch, message) => {
    const dir = copy();
    edit(join(dir, 'sections/2022/01.mdx'), /\n([^\n]+)\n*$/, `\n示例${ch}文字（测试）\n`);
    const out = said(dir);
    expect(out).toMatch(/sections\/2022\/01\.mdx · 第 \d+ 行：这一行有/);
    expect(out).toContain(`这一行有${message}`);
  });
});

describe('what a reader cannot see is refused however it is written', () => {
  it.each([
    ['a decimal reference', '&#8238;', '改变文字显示方向的控制字符（U+202E）'],
    ['a hexadecimal reference', '&#x200b;', '零宽空格（U+200B）'],
    ['a named reference', '&ZeroWidthSpace;', '零宽空格（U+200B）'],
    ['a reference in a link', '[示例](https://example.gov.cn/&#x202e;)', '改变文字显示方向的控制字符（U+202E）'],
  ])('in the text, %s names its line', (_name, written, name) => {
    const dir = copy();
    edit(join(dir, 'sections/2022/01.mdx'), /\n([^\n]+)\n*$/, `\n示例${written}1344人（测试）\n`);
    const out = said(dir);
    expect(out).toMatch(/sections\/2022\/01\.mdx · 第 \d+ 行：正文 “示例.*” 中有用字符引用（如 &#8238;、&ZeroWidthSpace;）写成的/);
    expect(out).toContain(`写成的${name}`);
    expect(out).toContain('读者看不见它。请删掉这个字符引用');
    // The section is there, only unreadable: no gap in the numbering is claimed for it.
    expect(out).not.toContain('缺少第 1 部分');
  });

  it('a field written with YAML escapes, such as a correction note of only spaces and a zero-width space', () => {
    const dir = copy();
    edit(join(dir, 'reports/2022.mdx'), /^(corrections:\n(?: .*\n)*)/m, '$1  - date: 2024-06-01\n    note: "\\u3000\\u3000\\u200b"\n');
    expect(said(dir)).toContain('reports/2022.mdx · corrections.1.note：note（更正说明）中有零宽空格（U+200B），读者看不见它。请删掉它，照原文写，例如 note: 更正第二部分中的培训人数');
    const heading = copy();
    edit(join(heading, 'sections/2022/01.mdx'), /^heading: (.*)$/m, 'heading: "$1\\u202e"');
    expect(said(heading)).toContain('heading（标题）中有改变文字显示方向的控制字符（U+202E）');
  });
});

describe('report text is data, never code', () => {
  it.each([
    ['an import', "import { readFileSync } from 'node:fs'", 'import/export 语句'],
    ['an export', 'export const 经费 = 1', 'import/export 语句'],
    ['an expression', '经费为 {经费} 元（测试）', '花括号 { } 里的表达式'],
    ['an expression that runs', "合计 {1 + 1}（测试）", '花括号 { } 里的表达式'],
    ['a component', '<Notice>示例（测试）</Notice>', '尖括号 < > 的标签'],
    ['a script tag', '<script>alert(1)</script>', '尖括号 < > 的标签'],
    ['an image', '![示例](https://example.test/x.png)', '图片'],
    ['a javascript: link', '[示例](javascript:alert(1))', '链接“javascript:alert(1)”'],
  ])('%s is refused, saying how to write the characters as text', (_name, line, what) => {
    const dir = copy();
    edit(join(dir, 'sections/2022/01.mdx'), /\n*$/, `\n\n${line}\n`);
    const out = said(dir);
    expect(out).toContain('sections/2022/01.mdx · 第');
    expect(out).toContain(`中有${what}`);
  });

  it('the importer’s own markup (an empty {""}, a <br /> in a table cell) and escaped characters are text', () => {
    const dir = copy();
    edit(join(dir, 'sections/2022/01.mdx'), /\n*$/, '\n\n见 www{""}.example.com，\\{示例\\} \\<测试\\>\n\n| 项目 | 说明 |\n| --- | --- |\n| 甲 | 两行<br />文字 |\n');
    expect(errors(dir).filter((p) => p.file.endsWith('01.mdx') && p.field !== 'corrections')).toEqual([]);
  });
});

describe('attachments are documents, by their bytes', () => {
  const put = (dir: string, name: string, bytes: Uint8Array | string) => {
    mkdirSync(join(dir, 'attachments/2023'), { recursive: true });
    writeFileSync(join(dir, 'attachments/2023', name), bytes);
  };

  it.each([
    ['a web page', '原文.html', '<html><script>alert(1)</script></html>', '不是可以发布的附件类型'],
    ['a script', 'note.js', 'alert(1)', '不是可以发布的附件类型'],
    ['an SVG', '图.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '不是可以发布的附件类型'],
    ['a web page named .pdf', '原文.pdf', '<html><script>alert(1)</script></html>', '的内容不是PDF 文件（.pdf）'],
    ['a program named .docx', '报告.docx', 'MZ\u0090\u0000', '的内容不是Word 文档（.docx）'],
  ])('%s is refused', (_name, name, bytes, message) => {
    const dir = copy();
    put(dir, name, bytes);
    expect(said(dir)).toContain(message);
  });

  it('a name that reads otherwise than it is (a direction override) is refused', () => {
    const dir = copy();
    put(dir, '报告\u202Excod.txt', '示例（测试）\n');
    expect(said(dir)).toContain('attachments/2023/ 中只能直接放附件文件（不能再有文件夹），文件名不能以“.”开头、不能有控制字符或改变文字方向的字符');
  });

  it('a name with spaces, # and % is a good name; a text file is a document', () => {
    const dir = copy();
    put(dir, '完成率100% #2 原文.txt', '示例附件（测试）\n');
    const loaded = loadContentFolder(dir, dir);
    expect(loaded.attachments.get('2023')!.map((a) => a.name)).toEqual(['完成率100% #2 原文.txt']);
    expect(loaded.problems).toEqual([]);
  });
});

describe('dates', () => {
  it('a correction or withdrawal later than today is refused, saying the latest date it may be', () => {
    const dir = copy();
    edit(join(dir, 'reports/2021.mdx'), /^signedOn: (.+)$/m, 'signedOn: $1\ncorrections:\n  - date: 2204-01-01\n    note: 示例更正（测试）\nwithdrawn:\n  date: 2099-01-01\n  reason: 示例撤回（测试）');
    const out = said(dir);
    expect(out).toContain('corrections[0].date：更正日期 2204-01-01 晚于今天（2026-12-06）：日期只能是已经到来的日子。请写实际的更正日期（最晚是今天 2026-12-06）');
    expect(out).toContain('withdrawn.date：撤回日期 2099-01-01 晚于今天（2026-12-06）');
  });

  it('a withdrawal before publication is refused', () => {
    const dir = copy();
    edit(join(dir, 'reports/2022.mdx'), /^signedOn: (.+)$/m, 'signedOn: $1\nwithdrawn:\n  date: 2020-01-01\n  reason: 示例撤回（测试）');
    expect(said(dir)).toContain('撤回日期 2020-01-01 早于');
  });
});

describe('a published section is never lost silently', () => {
  const sectionFiles = (dir: string, year: string) => readdirSync(join(dir, 'sections', year)).filter((f) => f.endsWith('.mdx')).sort();

  it('every section of a published year deleted: the files are named, though the year’s entries are in error too', () => {
    const dir = copy();
    const files = sectionFiles(dir, '2022');
    for (const f of files) rmSync(join(dir, 'sections/2022', f));
    const out = said(dir);
    expect(out).toContain(`reports/2022.mdx · (文件)：2022 年报告已经发布，第一部分、`);
    expect(out).toContain(`却不见了：没有 ${files.map((f) => `sections/2022/${f}`).join('、')}（或这些部分的 order 改了）。已经公开的部分不能悄悄删去：误删的，请用 git 找回`);
  });

  it('the rules know a year in the record is public: no advice to keep it a draft or renumber it', () => {
    const dir = copy();
    edit(join(dir, 'sections/2022/05.mdx'), 'items: [下一年度主要安排]', 'items: [其他需要报告的情况]');
    const out = said(dir);
    expect(out).toContain('reports/2022.mdx · items：已发布的报告必须报告这几项，但没有哪一部分的 items 包括：下一年度主要安排。2022 年报告已经发布，只能公开地改：误改的，请用 git 找回（例如 git checkout -- sections/2022/）');
    expect(out).not.toContain('draft: true');
  });

  it('a section file that is there but broken is named for what is wrong with it, not as deleted', () => {
    const dir = copy();
    const [first] = sectionFiles(dir, '2022');
    writeFileSync(join(dir, 'sections/2022', first!), 'heading: 示例（测试）\n');
    const out = said(dir);
    expect(out).toContain(`sections/2022/${first} · 第 1 行：文件应以一行 --- 开头`);
    expect(out).not.toContain('却不见了');
  });
});
