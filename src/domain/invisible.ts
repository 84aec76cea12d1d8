/**
 * Characters no report prints and no reader sees: Unicode's control and format characters
 * (Cc, Cf: Word's manual line break U+000B, the zero-width space, the direction overrides that
 * make text read in another order than it is stored, a byte order mark inside the text) and
 * the line and paragraph separators, but tab and line end. Refused wherever report text comes
 * from: an entry's lines as written, the text its character references (&#8238;) and YAML
 * escapes ("\u200b") stand for, by check and build alike.
 */
export const INVISIBLE = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** What an invisible character is, in words staff recognise. */
export function invisibleName(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (ch === '\u000B') return `Word 的手动换行符（${code}）`;
  if (/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.test(ch)) return `改变文字显示方向的控制字符（${code}），它能让文字看起来和实际存的不一样`;
  if (ch === '\u200B') return `零宽空格（${code}）`;
  if (/[\u200C\u200D\u2060]/u.test(ch)) return `零宽字符（${code}）`;
  if (ch === '\uFEFF') return `字节顺序标记（${code}）`;
  return `不可见的控制字符（${code}）`;
}

/** The same characters in an original being imported, whose line ends are still as written (\r\n, \r). */
const IN_ORIGINAL = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** An original's text without the characters a reader cannot see, and how many were dropped (the importer's reading). */
export function withoutInvisible(text: string): { text: string; dropped: number } {
  return { text: text.replace(IN_ORIGINAL, ''), dropped: text.match(IN_ORIGINAL)?.length ?? 0 };
}
