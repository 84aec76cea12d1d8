/**
 * What changed between two texts, for a reader: the /items/ pages mark it with <del> and <ins>
 * (mark-html.ts). The edit script comes from jsdiff (`diff`, diffArrays); what is compared is
 * chosen for reading Chinese, in two passes:
 *
 * 1. sentence by sentence (a sentence ends at 。！？； or a line break), so a sentence kept
 *    whole is never cut up by a chance match of common words elsewhere;
 * 2. where sentences were replaced, word by word inside the replaced stretch (the words of
 *    Intl.Segmenter, which knows Chinese words), when enough of it stayed: one changed word
 *    in a long sentence is marked as that word. A stretch rewritten through is marked whole.
 *
 * Then stray matches are let go: a run of fewer than MIN_KEPT characters left standing between
 * two changes (a 的, a comma) becomes part of the change, so a reader sees whole phrases.
 * The parts list each change's deletions before its insertions. Joined, the parts that are
 * not insertions give the old text back, and those that are not deletions the new one: every
 * character is kept, line breaks and spaces too, so the marks can be put back into the HTML
 * (mark-html.ts). The 版本记录 (history.ts sentencesOf) splits sentences the same way but
 * trims them, as it lists changed sentences rather than marking a text in place.
 */
import { diffArrays } from 'diff';

export type MarkKind = 'same' | 'del' | 'ins';

export interface Mark {
  kind: MarkKind;
  text: string;
}

/** A sentence with its closing marks, a stretch without one, or a run of line breaks. */
const SENTENCE = /[^。！？；!?;\n]*[。！？；!?;]+|[^。！？；!?;\n]+|\n+/gu;

/** A run standing between two changes is let go when it has fewer characters than this (punctuation and spaces not counted). */
const MIN_KEPT = 2;

/** Of a replaced stretch, the share of characters a word-by-word comparison must keep to be shown word by word. */
const MIN_SIMILAR = 0.4;

let words: Intl.Segmenter | undefined;

const sentencesOf = (text: string): string[] => text.match(SENTENCE) ?? [];
const wordsOf = (text: string): string[] => [...(words ??= new Intl.Segmenter('zh-Hans', { granularity: 'word' })).segment(text)].map((s) => s.segment);

/** The marks of jsdiff's changes over tokens. */
function marksOf(before: string[], after: string[]): Mark[] {
  return diffArrays(before, after).map((c) => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value.join('') }));
}

const counted = (text: string) => text.replace(/[\p{P}\p{White_Space}]/gu, '').length;

/** A replaced stretch, word by word when enough of it stayed, else deleted and inserted whole. */
function refine(removed: string, added: string): Mark[] {
  const whole: Mark[] = [
    { kind: 'del', text: removed },
    { kind: 'ins', text: added },
  ];
  if (!removed || !added) return whole.filter((m) => m.text);
  const marks = marksOf(wordsOf(removed), wordsOf(added));
  const kept = marks.filter((m) => m.kind === 'same').reduce((n, m) => n + counted(m.text), 0);
  return kept >= MIN_SIMILAR * Math.max(counted(removed), counted(added)) ? marks : whole;
}

/** A run left standing between two changes, too short to read as kept, becomes part of both sides' change. */
function letGoStrays(marks: Mark[]): Mark[] {
  return marks.flatMap((m, i): Mark[] => {
    const between = i > 0 && i < marks.length - 1 && marks[i - 1]!.kind !== 'same' && marks[i + 1]!.kind !== 'same';
    if (m.kind !== 'same' || !between || m.text.includes('\n') || counted(m.text) >= MIN_KEPT) return [m];
    return [
      { kind: 'del', text: m.text },
      { kind: 'ins', text: m.text },
    ];
  });
}

/** Each change as its deletions, then its insertions, each joined; runs kept as they are. */
function tidy(marks: readonly Mark[]): Mark[] {
  const out: Mark[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'del', text: del });
    if (ins) out.push({ kind: 'ins', text: ins });
    del = ins = '';
  };
  for (const m of marks) {
    if (m.kind === 'del') del += m.text;
    else if (m.kind === 'ins') ins += m.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'same') last.text += m.text;
      else if (m.text) out.push({ ...m });
    }
  }
  flush();
  return out;
}

/** What changed from `before` to `after`, as runs kept, deleted and inserted. */
export function diffText(before: string, after: string): Mark[] {
  const marks: Mark[] = [];
  let removed = '';
  let added = '';
  const settle = () => {
    marks.push(...refine(removed, added));
    removed = added = '';
  };
  for (const m of marksOf(sentencesOf(before), sentencesOf(after))) {
    if (m.kind === 'del') removed += m.text;
    else if (m.kind === 'ins') added += m.text;
    else {
      settle();
      marks.push(m);
    }
  }
  settle();
  return tidy(letGoStrays(tidy(marks)));
}

/** One side of a comparison: its text in runs, each changed (deleted, or inserted) or not. */
export interface SidePiece {
  text: string;
  changed: boolean;
}

/** The old text (`before`: kept and deleted runs) or the new one (`after`: kept and inserted runs). */
export function sideOf(marks: readonly Mark[], side: 'before' | 'after'): SidePiece[] {
  const other: MarkKind = side === 'before' ? 'ins' : 'del';
  return marks.filter((m) => m.kind !== other).map((m) => ({ text: m.text, changed: m.kind !== 'same' }));
}
