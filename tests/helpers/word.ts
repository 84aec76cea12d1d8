/**
 * Word files as staff have them, made from a typed text: every line that starts with a
 * part numeral (一、) or a sub-heading numeral (（一）) becomes a paragraph numbered by
 * Word's automatic numbering (a list with levels 一、 and （一）, the sub-headings
 * restarting under each part), the numeral itself left out of the text, as Word stores it.
 */
import { AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph } from 'docx';

const PART = /^[一二三四五六七八九十]+、(.+)$/;
const SUB = /^（[一二三四五六七八九十]+）(.+)$/;

export function numberedDocx(text: string): Promise<Buffer> {
  const paragraphs = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const part = PART.exec(line);
      if (part) return new Paragraph({ text: part[1], numbering: { reference: 'report-parts', level: 0 } });
      const sub = SUB.exec(line);
      if (sub) return new Paragraph({ text: sub[1], numbering: { reference: 'report-parts', level: 1 } });
      return new Paragraph({ text: line });
    });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'report-parts',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
          ],
        },
      ],
    },
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(doc);
}
