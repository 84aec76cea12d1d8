/**
 * Text files as staff have them: UTF-8 (with or without BOM) from newer editors, GBK or
 * GB18030 from older Windows ones, now and then UTF-16 from Notepad's "Unicode".
 */
import { withoutInvisible } from '../domain/invisible.ts';
import iconv from 'iconv-lite';

export type Encoding = 'UTF-8' | 'GB18030' | 'UTF-16';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Invisible control characters dropped from the text. */
  removedControls: number;
}

/** undefined when the bytes are no text in a known encoding. */
export function decodeText(bytes: Uint8Array): Decoded | undefined {
  const utf16 = utf16WithBom(bytes);
  if (utf16 !== undefined) return clean(utf16, 'UTF-16');
  try {
    // fatal: any invalid sequence throws, so a GBK file is never taken for UTF-8.
    return clean(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'UTF-8');
  } catch {
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    return isPlausibleChinese(text) ? clean(text, 'GB18030') : undefined;
  }
}

function utf16WithBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return undefined;
}

function clean(text: string, encoding: Encoding): Decoded | undefined {
  // A form feed or vertical tab (a page break from some exports) separates paragraphs.
  const body = text.replace(/^\ufeff/, '').replace(/[\v\f]/g, '\n');
  if (body.includes('\u0000')) return undefined; // binary data, whatever it decodes to
  const { text: seen, dropped } = withoutInvisible(body);
  return { text: seen, encoding, removedControls: dropped };
}

/** Chinese, ASCII, punctuation and symbols found in Chinese documents. */
const COMMON =
  /[\u0020-\u007e\u00b7\u00d7\u2000-\u20cf\u2100-\u218f\u2460-\u24ff\u25a0-\u25ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u{20000}-\u{3ffff}]/u;

/**
 * GB18030 maps nearly any bytes to some character, so a decoding only counts when it reads
 * as text: nothing undecodable, no control or private-use characters, and nearly all of it
 * common Chinese, ASCII and punctuation.
 */
export function isPlausibleChinese(text: string): boolean {
  if (/[\ufffd\ue000-\uf8ff]/.test(text) || /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(text)) return false;
  const chars = [...text.replace(/\s/g, '')];
  if (!chars.length) return false;
  const common = chars.filter((c) => COMMON.test(c)).length;
  return common / chars.length >= 0.95;
}
