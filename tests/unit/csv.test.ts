/** The CSV writer keeps a spreadsheet from running a field as a formula (OWASP CSV injection). */
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/utils/csv';

describe('CSV formula injection', () => {
  it('puts a single quote before text that starts like a formula', () => {
    expect(csvField('=HYPERLINK("http://example.com","点击")')).toBe(`"'=HYPERLINK(""http://example.com"",""点击"")"`);
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+86 751')).toBe("'+86 751");
    expect(csvField('-2+3+cmd|')).toBe("'-2+3+cmd|");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=1+2')).toBe("'\t=1+2");
    expect(csvField('\r=1+2')).toBe(`"'\r=1+2"`);
  });

  it('leaves other text and numbers as they are', () => {
    expect(csvField('受理优待证申请')).toBe('受理优待证申请');
    expect(csvField('一、示例1')).toBe('一、示例1');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('21.40')).toBe('21.40');
    expect(csvField(2023)).toBe('2023');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('')).toBe('');
  });

  it('applies to every field of a file', () => {
    expect(toCsv([['年度', '名称'], [2023, '=cmd|" /C calc"!A0']], { bom: false })).toBe(`年度,名称\r\n2023,"'=cmd|"" /C calc""!A0"\r\n`);
  });
});
