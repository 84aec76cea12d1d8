/** Word's automatic numbering rebuilt from numbering.xml and styles.xml as the text Word shows. */
import { describe, expect, it } from 'vitest';
import { formatNumber, ListCounter, readNumbering, rebuildNumbers, type ParagraphRef } from '../../src/importer/numbering.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, format: string, text: string, extra = '', start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:suff w:val="tab"/>${extra}</w:lvl>`;
const abstract = (id: number, ...levels: string[]) => `<w:abstractNum w:abstractNumId="${id}">${levels.join('')}</w:abstractNum>`;
const num = (id: number, abstractId: number, overrides = '') => `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
const startOverride = (ilvl: number, start: number) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`;
const numbering = (...parts: string[]) => `<w:numbering ${W}>${parts.join('')}</w:numbering>`;
const styles = (...parts: string[]) => `<w:styles ${W}>${parts.join('')}</w:styles>`;

/** The report's usual outline: 一、 on level 0, （一） on level 1, 1. on level 2. */
const OUTLINE = abstract(0, lvl(0, 'chineseCounting', '%1、'), lvl(1, 'chineseCounting', '（%2）'), lvl(2, 'decimal', '%3.'));

function labels(numberingXml: string, refs: ParagraphRef[], stylesXml?: string): (string | null)[] {
  const counter = new ListCounter(readNumbering(numberingXml, stylesXml));
  return refs.map((ref) => counter.next(ref)?.text ?? null);
}
const at = (numId: number, ilvl = 0): ParagraphRef => ({ numId: String(numId), ilvl });

describe('number formats', () => {
  it.each([
    ['chineseCounting', [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 105], ['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一〇〇', '一〇五']],
    ['chineseCountingThousand', [1, 10, 11, 20, 21, 100, 101, 110, 1000, 1010, 10000, 10001], ['一', '十', '十一', '二十', '二十一', '一百', '一百零一', '一百一十', '一千', '一千零一十', '一万', '一万零一']],
    ['chineseLegalSimplified', [1, 10, 12, 101], ['壹', '壹拾', '壹拾贰', '壹佰零壹']],
    ['taiwaneseCounting', [1, 11, 20], ['一', '十一', '二十']],
    ['taiwaneseCountingThousand', [1, 11, 20, 101, 10000], ['一', '十一', '二十', '一百零一', '一萬']],
    ['japaneseCounting', [1, 10, 11, 20, 100, 101, 110, 1000], ['一', '十', '十一', '二十', '百', '百一', '百十', '千']],
    ['ideographTraditional', [1, 2, 4, 10, 11], ['甲', '乙', '丁', '癸', '11']],
    ['ideographZodiac', [1, 12, 13], ['子', '亥', '13']],
    ['ideographDigital', [3, 10, 2024], ['三', '一〇', '二〇二四']],
    ['decimal', [0, 1, 10, 123], ['0', '1', '10', '123']],
    ['decimalZero', [1, 9, 10, 100], ['01', '09', '10', '100']],
    ['decimalFullWidth', [1, 12], ['１', '１２']],
    ['decimalEnclosedCircle', [1, 2, 10, 20, 21], ['①', '②', '⑩', '⑳', '21']],
    ['decimalEnclosedParen', [1, 20], ['⑴', '⒇']],
    ['decimalEnclosedFullstop', [1, 20], ['⒈', '⒛']],
    ['lowerLetter', [1, 26, 27, 53], ['a', 'z', 'aa', 'aaa']],
    ['upperLetter', [1, 3, 28], ['A', 'C', 'BB']],
    ['lowerRoman', [1, 4, 9, 14, 40], ['i', 'iv', 'ix', 'xiv', 'xl']],
    ['upperRoman', [3, 1999, 2024], ['III', 'MCMXCIX', 'MMXXIV']],
    ['bullet', [1, 2], ['', '']],
    ['none', [1, 2], ['', '']],
  ])('%s', (format, values, expected) => {
    expect(values.map((n) => formatNumber(n, format))).toEqual(expected);
  });

  it('knows which formats it does not rebuild', () => {
    expect(formatNumber(3, 'ordinal')).toBeUndefined();
  });
});

describe('counting a list', () => {
  it('numbers 一、 headings and restarts （一） under each of them', () => {
    const xml = numbering(OUTLINE, num(1, 0));
    expect(labels(xml, [at(1), at(1, 1), at(1, 1), at(1), at(1, 1), at(1), at(1)])).toEqual([
      '一、', '（一）', '（二）', '二、', '（一）', '三、', '四、',
    ]);
  });

  it('resets every deeper level when a shallower one advances, and %N shows the levels above', () => {
    const xml = numbering(abstract(0, lvl(0, 'decimal', '%1.'), lvl(1, 'decimal', '%1.%2'), lvl(2, 'decimal', '%1.%2.%3')), num(1, 0));
    expect(labels(xml, [at(1), at(1, 1), at(1, 2), at(1, 2), at(1, 1), at(1, 2), at(1), at(1, 2)])).toEqual([
      '1.', '1.1', '1.1.1', '1.1.2', '1.2', '1.2.1', '2.', '2.0.1',
    ]);
  });

  it('shows a level skipped or not yet used as one less than its start, as Word does (1.0.1)', () => {
    const xml = numbering(abstract(0, lvl(0, 'decimal', '%1.', '', 3), lvl(1, 'decimal', '%1.%2')), num(1, 0));
    expect(labels(xml, [at(1, 1), at(1, 1), at(1), at(1, 1)])).toEqual(['2.1', '2.2', '3.', '3.1']);
  });

  it('follows w:lvlRestart: 0 never restarts, N restarts only after level N', () => {
    const xml = numbering(
      abstract(0, lvl(0, 'decimal', '%1.'), lvl(1, 'decimal', '(%2)', '<w:lvlRestart w:val="0"/>'), lvl(2, 'lowerLetter', '%3)', '<w:lvlRestart w:val="1"/>')),
      num(1, 0),
    );
    expect(labels(xml, [at(1), at(1, 1), at(1, 2), at(1), at(1, 1), at(1, 2), at(1, 1), at(1, 2)])).toEqual([
      '1.', '(1)', 'a)', '2.', '(2)', 'a)', '(3)', 'b)',
    ]);
  });

  it('starts at w:start, and at w:startOverride for its list instance', () => {
    const xml = numbering(abstract(0, lvl(0, 'chineseCounting', '%1、', '', 3)), num(1, 0), num(2, 0, startOverride(0, 7)));
    expect(labels(xml, [at(1), at(1), at(2), at(2)])).toEqual(['三、', '四、', '七、', '八、']);
  });

  it('counts each list on its own; a restarted instance of a list starts again', () => {
    const xml = numbering(OUTLINE, abstract(5, lvl(0, 'decimalEnclosedCircle', '%1')), num(1, 0), num(2, 5), num(3, 0, startOverride(0, 1) + startOverride(1, 1)));
    expect(labels(xml, [at(1), at(2), at(1), at(2), at(2), at(3), at(3, 1), at(3)])).toEqual([
      '一、', '①', '二、', '②', '③', '一、', '（一）', '二、',
    ]);
  });

  it('continues the sequence in a second w:num of the same list without overrides, as Word does', () => {
    const xml = numbering(abstract(0, lvl(0, 'decimal', '%1.')), num(1, 0), num(2, 0));
    expect(labels(xml, [at(1), at(1), at(2), at(1)])).toEqual(['1.', '2.', '3.', '4.']);
  });

  it('gives nothing for numId 0, a missing list or a missing level', () => {
    const xml = numbering(abstract(0, lvl(0, 'decimal', '%1.')), num(1, 0));
    expect(labels(xml, [at(0), at(1), at(9), at(1, 4), {}, at(1)])).toEqual([null, '1.', null, null, null, '2.']);
  });

  it('takes numbering from the paragraph style and its w:basedOn chain; numId 0 switches it off', () => {
    const xml = numbering(OUTLINE, num(4, 0));
    const css = styles(
      '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="H1Red"><w:basedOn w:val="H1"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="Plain"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>',
    );
    const refs: ParagraphRef[] = [{ styleId: 'H1' }, { styleId: 'H2' }, { styleId: 'H2' }, { styleId: 'Plain' }, { styleId: 'H1Red' }, { styleId: 'H1', numId: '0' }, { styleId: 'H2' }];
    expect(labels(xml, refs, css)).toEqual(['一、', '（一）', '（二）', null, '二、', null, '（一）']);
  });

  it('numbers paragraphs that name no style through the default paragraph style', () => {
    const xml = numbering(OUTLINE, num(1, 0));
    const css = styles(
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="Body"/>',
    );
    expect(labels(xml, [{}, {}, { styleId: 'Body' }], css)).toEqual(['（一）', '（二）', null]);
  });

  it('finds the level of a style-linked list by the level that names the style', () => {
    const xml = numbering(abstract(0, lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H1"/>'), lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>')), num(1, 0));
    const css = styles(
      '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
    );
    expect(labels(xml, [{ styleId: 'H1' }, { styleId: 'H2' }, { styleId: 'H1' }], css)).toEqual(['一、', '（一）', '二、']);
  });

  it('follows w:numStyleLink to the list a numbering style defines', () => {
    const xml = numbering(
      abstract(0, lvl(0, 'ideographTraditional', '%1.')).replace('</w:abstractNum>', '<w:styleLink w:val="Outline"/></w:abstractNum>'),
      '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Outline"/></w:abstractNum>',
      num(1, 0),
      num(2, 1),
    );
    const css = styles('<w:style w:type="numbering" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>');
    expect(labels(xml, [at(2), at(2)], css)).toEqual(['甲.', '乙.']);
  });

  it('uses a level replaced in w:lvlOverride, legal numbering in Arabic digits, and bullets, none and hidden numbers as no text', () => {
    const xml = numbering(
      abstract(
        0,
        lvl(0, 'chineseCounting', '%1、'),
        lvl(1, 'chineseCounting', '%1.%2', '<w:isLgl/>'),
        lvl(2, 'bullet', '•'),
        lvl(3, 'none', '%4'),
        lvl(4, 'decimal', '%5.', '<w:rPr><w:vanish/></w:rPr>'),
      ),
      num(1, 0),
      num(2, 0, `<w:lvlOverride w:ilvl="0">${lvl(0, 'upperRoman', '%1.')}</w:lvlOverride>`),
    );
    expect(labels(xml, [at(1), at(1), at(1, 1), at(1, 2), at(1, 3), at(1, 4), at(2)])).toEqual(['一、', '二、', '2.1', '', '', '', 'I.']);
  });

  it('reports picture bullets and formats it prints in Arabic digits', () => {
    const xml = numbering(abstract(0, lvl(0, 'bullet', '', '<w:lvlPicBulletId w:val="0"/>'), lvl(1, 'cardinalText', '%2.')), num(1, 0));
    const counter = new ListCounter(readNumbering(xml));
    expect(counter.next(at(1))).toEqual({ text: '', picture: true, unsupported: [] });
    expect(counter.next(at(1, 1))).toEqual({ text: '1.', picture: false, unsupported: ['cardinalText'] });
  });

  it('reads the classic format where Word 2010 wraps w:numFmt in mc:AlternateContent', () => {
    const level =
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback>' +
      '</mc:AlternateContent><w:lvlText w:val="%1"/></w:lvl>';
    expect(labels(numbering(abstract(0, level), num(1, 0)), [at(1)])).toEqual(['01']);
  });
});

describe('numbers written into document.xml', () => {
  const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
  const numPr = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
  const body = (...parts: string[]) => `<w:document ${W}><w:body>${parts.join('')}</w:body></w:document>`;

  it('puts each label before its paragraph text, in document order through tables, and switches numbering off', () => {
    const documentXml = body(
      p('前言'),
      p('标题', numPr(1)),
      `<w:tbl><w:tr><w:tc>${p('表中', numPr(1, 1))}</w:tc></w:tr></w:tbl>`,
      p('小标题', `<w:pStyle w:val="Sub"/>${numPr(1, 1)}`),
      p('不编号', numPr(0)),
      p('标题二', numPr(1)),
    );
    const { xml, numbered } = rebuildNumbers(documentXml, numbering(OUTLINE, num(1, 0)));
    expect(numbered).toBe(4);
    const texts = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(texts).toEqual(['前言', '一、标题', '（一）表中', '（二）小标题', '不编号', '二、标题二']);
    expect(xml).not.toMatch(/<w:numId w:val="[1-9]/);
    expect(xml.match(/<w:numId w:val="0"\/>/g)).toHaveLength(5);
    expect(xml).toContain('<w:pStyle w:val="Sub"/><w:numPr>');
  });

  it('counts a text box once, by the fallback mammoth reads', () => {
    const box = `<w:txbxContent>${p('框', numPr(1))}</w:txbxContent>`;
    const documentXml = body(
      `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps">${box}</mc:Choice><mc:Fallback>${box}</mc:Fallback></mc:AlternateContent></w:r></w:p>`,
      p('下一个', numPr(1)),
    );
    const { xml, numbered } = rebuildNumbers(documentXml, numbering(abstract(0, lvl(0, 'decimal', '%1.')), num(1, 0)));
    expect(numbered).toBe(2);
    expect(xml).toContain('<mc:Fallback><w:txbxContent><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">1.</w:t>');
    expect(xml).toContain('<w:t xml:space="preserve">2.</w:t></w:r><w:r><w:t>下一个');
  });

  it('leaves a document without numbering as it was', () => {
    const documentXml = body(p('一、标题'), p('正文'));
    expect(rebuildNumbers(documentXml, undefined, undefined)).toEqual({ xml: documentXml, numbered: 0, pictureBullets: 0, unsupported: new Map() });
  });
});
