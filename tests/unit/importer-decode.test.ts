/** Text files in the encodings staff have them in: UTF-8 with or without BOM, GBK/GB18030, CRLF. */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, isPlausibleChinese } from '../../src/importer/decode.ts';
import { textToBlocks } from '../../src/importer/parse.ts';

const SAMPLE = '示例局2030年法治政府建设年度报告\n一、主要举措和成效（测试）\n“引号”、《书名号》、1.5%、(半角括号),半角逗号\n示例局\n2031年1月10日\n';
const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Deterministic bytes, so a failure can be reproduced. */
function noise(n: number, from = 0, span = 256): Buffer {
  let x = 12345;
  return Buffer.from(
    Array.from({ length: n }, () => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return from + ((x >> 16) % span);
    }),
  );
}

describe('decoding a text file', () => {
  it('reads UTF-8, with or without BOM, LF or CRLF, to the same paragraphs', () => {
    const variants = [
      Buffer.from(SAMPLE),
      Buffer.concat([BOM, Buffer.from(SAMPLE)]),
      Buffer.from(crlf(SAMPLE)),
      Buffer.concat([BOM, Buffer.from(crlf(SAMPLE))]),
    ];
    for (const bytes of variants) {
      const d = decodeText(bytes)!;
      expect(d.encoding).toBe('UTF-8');
      expect(d.text.startsWith('\ufeff')).toBe(false);
      expect(textToBlocks(d.text)).toEqual(textToBlocks(SAMPLE));
    }
  });

  it('reads GBK, and GB18030 with characters beyond GBK, with CRLF', () => {
    const gbk = decodeText(iconv.encode(crlf(SAMPLE), 'gbk'))!;
    expect(gbk.encoding).toBe('GB18030');
    expect(gbk.text).toBe(crlf(SAMPLE));
    const rare = `${SAMPLE}人名用字𠀀、㐀，货币符号€。\n`;
    const gb18030 = decodeText(iconv.encode(rare, 'gb18030'))!;
    expect(gb18030).toEqual({ text: rare, encoding: 'GB18030', removedControls: 0 });
  });

  it('reads UTF-16 with a byte order mark (Notepad’s “Unicode”)', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]))?.text).toBe(SAMPLE);
    const be = Buffer.from(SAMPLE, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))?.text).toBe(SAMPLE);
  });

  it('is undefined for bytes that are no such text', () => {
    expect(decodeText(noise(4000))).toBeUndefined(); // any bytes
    expect(decodeText(noise(4000, 0x81, 126))).toBeUndefined(); // only GBK lead-byte range
    expect(decodeText(Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'))).toBeUndefined();
    expect(decodeText(Buffer.from('Café résumé, naïve — déjà vu', 'latin1'))).toBeUndefined();
    expect(decodeText(Buffer.from('一、标题\0\0\0'))).toBeUndefined(); // valid UTF-8 but binary
    expect(decodeText(Buffer.from(`${SAMPLE}ASCII too`, 'utf16le'))).toBeUndefined(); // UTF-16 without BOM
  });

  it('drops stray control characters and counts them; page breaks separate paragraphs', () => {
    expect(decodeText(Buffer.from('甲\x1a乙\x07\f丙\v丁'))).toEqual({ text: '甲乙\n丙\n丁', encoding: 'UTF-8', removedControls: 2 });
  });

  it('drops what a reader cannot see, as the check refuses it: zero-width space, direction overrides, soft hyphens', () => {
    expect(decodeText(Buffer.from('示例\u200b正文\u202e1344\u00ad人\u2029。'))).toEqual({ text: '示例正文1344人。', encoding: 'UTF-8', removedControls: 4 });
  });

  it('keeps line ends as written, old Mac ones (CR only) too', () => {
    expect(decodeText(Buffer.from('甲\r乙\r\n丙'))).toEqual({ text: '甲\r乙\r\n丙', encoding: 'UTF-8', removedControls: 0 });
  });

  it('judges a GB18030 decoding by whether it reads as Chinese text', () => {
    expect(isPlausibleChinese('二〇二四年，我局坚持依法行政（示例）。ABC 123 ①②③ ■ ×÷')).toBe(true);
    expect(isPlausibleChinese('中文\ufffd')).toBe(false);
    expect(isPlausibleChinese('中文\ue000')).toBe(false);
    expect(isPlausibleChinese('中文\u0001')).toBe(false);
    expect(isPlausibleChinese('ÀÁÂÃÄÅÆÇÈÉÊË中文')).toBe(false);
    expect(isPlausibleChinese('   ')).toBe(false);
  });
});
