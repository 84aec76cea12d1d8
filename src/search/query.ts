/**
 * What a reader typed, as the terms search looks for (pure functions, no DOM).
 *
 * Readers write questions and lists, not keywords: 优待金怎么发放, 锦旗、表扬, 《宪法》.
 * A query is folded (full-width forms, case), split at spaces of either width and at
 * Chinese and ASCII punctuation (so quotes never turn on Pagefind's exact mode), and
 * question and filler words are cut out, leaving the terms a section is matched on.
 */

/** Folds full-width forms and case per character, keeping a map back to the original. */
export function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKC').toLowerCase();
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

/**
 * Where terms split: spaces, emoji, and punctuation that never sits inside a term (after
 * folding, so ，becomes , and ：becomes :). The full stop . and % stay (21.40 and 100% are terms), and
 * brackets too: (一) is how the reports number their sub-headings.
 */
const SEPARATORS = /[\s,;:!?、。《》〈〉「」『』【】“”‘’"'`…\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}]+/u;

/**
 * Question and filler words, longest first so 是多少 goes before 多少. They carry no topic:
 * a section is never found or ranked by them. 情况 and 工作 are in every report's headings.
 */
export const FILLERS = [
  '什么时候', '什么时间', '多长时间', '怎么回事', '有没有', '是不是', '是多少', '有多少', '怎么样', '怎么办', '为什么',
  '在哪里', '啥时候', '请问', '怎么', '怎样', '如何', '哪些', '哪里', '哪个', '什么', '多少', '多久', '情况', '是否',
  '能否', '可以', '一下', '相关', '有关', '具体', '咋办', '咋样', '为啥', '干啥', '做啥', '啥', '咋',
];
/**
 * 几 with a measure word asks a number (党课几次, 几家企业); 谁 is not cut, since the
 * reports print 谁执法谁普法.
 */
const HOW_MANY = '几[次个家名人项场年天月批篇期位件]';
/** Single characters cut only at the end of a term (吗, 呢), where they end a question. */
const TRAILING = /[吗呢啊呀么]+$/u;

/**
 * A filler word with the verb or particle that joins it to the topic: 是什么, 有哪些,
 * 怎么申请的 (是/有/都 before, 的/了 after), so 2024年有哪些安排 leaves 2024年 and 安排.
 */
const FILLER = new RegExp(`[是有都]?(?:${FILLERS.join('|')}|${HOW_MANY})[的了]?`, 'u');

/** Cuts filler words out of one term; what is left on either side becomes separate terms. */
export function stripFillers(term: string): string[] {
  return term
    .split(FILLER)
    .map((p) => p.replace(TRAILING, ''))
    .filter((p) => p.length > 0 && !/^[的了吗呢是有和与及]$/u.test(p));
}

/** Terms of a query: folded, split at spaces and punctuation, fillers cut out, unique. */
export function parseQuery(query: string): string[] {
  const pieces = fold(query).folded.split(SEPARATORS).filter(Boolean);
  return [...new Set(pieces.flatMap(stripFillers))];
}

/** A term typed in Latin letters only, which may be pinyin (youdaizheng) or initials (ydz). */
export const isLatin = (term: string) => /^[a-z]{2,}$/.test(term);

/** Han characters in a term, as a test for terms the typo and pinyin helps apply to. */
export const isHan = (term: string) => /^\p{Script=Han}+$/u.test(term);

/**
 * A long term found nowhere as a whole, as words (学法考试参考率 → 学法 考试 参考率). The
 * segmenter splits some words into single characters; those are kept together (runs of single
 * characters become one word, a lone one joins the word before it), so no character of what
 * the reader typed is dropped: a word found nowhere still means nothing is found.
 */
export function termWords(term: string, segment: (text: string) => string[]): string[] {
  const out: string[] = [];
  let singles = '';
  const flush = () => {
    if (!singles) return;
    if (Array.from(singles).length === 1 && out.length) out[out.length - 1] += singles;
    else out.push(singles);
    singles = '';
  };
  for (const piece of segment(term)) {
    if (Array.from(piece).length === 1) singles += piece;
    else {
      flush();
      out.push(piece);
    }
  }
  flush();
  if (out.length > 1 && Array.from(out[0]!).length === 1) out.splice(0, 2, out[0]! + out[1]!);
  return out;
}
