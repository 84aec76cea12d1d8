/**
 * A report's parts and their sub-headings, in whatever numbering it uses (labels.ts).
 *
 * The parts are numbered in one scheme: the scheme whose first heading “1” (一、, 1. or 第一部分;
 * PART_SCHEMES) comes first in the text, among those that number at least two headings in sequence
 * (a report of one part: the first “1” of any). A line is the next part's heading when it is a
 * heading's shape (labels.ts) and its number is the next one. Numbering of the same scheme
 * inside a part (a list 1. 2. 3. inside part 2.) starts again at 1 and is followed as it goes
 * on, so its numbers are not taken for parts; when a number could continue both, it continues
 * the inner list if that list's items were headings of their own and the line does not read as
 * one of the regulation's items (its heading names none: item-signals.json), else it is the
 * next part. A heading-shaped line whose number fits neither stays text, with a warning.
 *
 * A report numbered decimally (labels.ts labelReader) has parts numbered 1 or 1. and, inside
 * part 1, the sub-headings 1.1, 1.2 in sequence.
 *
 * Inside a part, a line numbered one level down (subSchemes) and of a sub-heading's shape is a
 * sub-heading (###); so is the bold start of a Word paragraph of that shape (the run-in
 * heading “（一）强化组织保障。” followed by text): the paragraph is then written as the
 * sub-heading and the rest of its text, character for character. Plain text has no bold to
 * tell: there a level whose every line starts with a short heading sentence and runs on into
 * text (1.加强学习。示例局……; labels.ts plainRunIn) is split the same way, when two lines of
 * the part do so, or one where another part of the report is written so. A level one of whose
 * lines does not (a long first sentence, a point with nothing after it) is a list, left as printed.
 */
import type { Block, BodyBlock, Line } from './model.ts';
import { short } from './quote.ts';
import { isHeadingLine, isSubHeadingLine, labelReader, levelBelow, PART_SCHEMES, plainRunIn, readLabel, runInHeading, subSchemes, type Label, type Scheme } from './labels.ts';

export interface Heading {
  /** Index of the heading's block. */
  at: number;
  order: number;
  label: string;
  heading: string;
}

export interface Found {
  scheme: Scheme;
  headings: Heading[];
  warnings: string[];
}

type ReadLabel = (line: string) => Label | undefined;

/** The lines' texts of some blocks. */
const linesOf = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []));

/** How a report's parts are read for labels (labels.ts labelReader: its 1.1 lines when it numbers so). */
export const partsReader = (report: readonly Block[]): ReadLabel => labelReader(linesOf(report), false);

const labelsOf = (blocks: readonly Block[], read: ReadLabel) => blocks.map((b) => (b.kind === 'line' ? read(b.text) : undefined));

/** Follows one scheme's numbering from its first heading “1”, as the module comment says. */
function sequence(blocks: readonly Block[], labels: readonly (Label | undefined)[], scheme: Scheme, readsAsItem: (heading: string) => boolean): Found | undefined {
  const first = labels.findIndex((l, i) => l?.scheme === scheme && l.n === 1 && isHeadingLine((blocks[i] as Line).text, l));
  if (first < 0) return undefined;
  const headings: Heading[] = [{ at: first, order: 1, label: labels[first]!.label, heading: labels[first]!.rest.trim() }];
  const warnings: string[] = [];
  let inner = { n: 0, headings: 0 };
  for (let i = first + 1; i < blocks.length; i++) {
    const l = labels[i];
    if (l?.scheme !== scheme) continue;
    const text = (blocks[i] as Line).text;
    const heading = isHeadingLine(text, l);
    const next = headings.length + 1;
    const continuesInner = inner.n > 0 && l.n === inner.n + 1;
    if (heading && l.n === next && !(continuesInner && inner.headings > 0 && !readsAsItem(l.rest))) {
      headings.push({ at: i, order: next, label: l.label, heading: l.rest.trim() });
      inner = { n: 0, headings: 0 };
    } else if (l.n === 1 || continuesInner) {
      inner = { n: l.n, headings: (l.n === 1 ? 0 : inner.headings) + (heading ? 1 : 0) };
    } else if (heading) {
      warnings.push(`“${short(text)}”像是标题，但编号“${l.label.trim()}”不接续上一部分，已当作正文放在第 ${headings.length} 部分中。请核对原文的编号。`);
    }
  }
  return { scheme, headings, warnings };
}

/**
 * The parts' headings, or undefined when no line is a part's first heading. `readsAsItem`
 * says whether a heading names one of the regulation's items.
 */
export function findSections(blocks: readonly Block[], readsAsItem: (heading: string) => boolean): Found | undefined {
  const labels = labelsOf(blocks, labelReader(linesOf(blocks)));
  const found = PART_SCHEMES.map((s) => sequence(blocks, labels, s, readsAsItem)).filter((f): f is Found => f !== undefined);
  const byStart = (a: Found, b: Found) => a.headings[0]!.at - b.headings[0]!.at;
  const several = found.filter((f) => f.headings.length >= 2).sort(byStart);
  return several[0] ?? found.sort(byStart)[0];
}

/** A Word paragraph whose bold start is a run-in sub-heading: the sub-heading, then the rest. */
function splitRunIn(b: Line, head: string, level?: 4): BodyBlock[] {
  const rest = b.text.slice(head.length).trimStart();
  const from = b.text.length - rest.length;
  const notes = b.notes ?? [];
  const headNotes = notes.filter((n) => n.at <= head.length);
  const restNotes = notes.filter((n) => n.at > head.length).map((n) => ({ ...n, at: Math.max(0, n.at - from) }));
  return [
    { kind: 'subheading', text: head, ...(headNotes.length && { notes: headNotes }), ...(level && { level }) },
    { kind: 'line', text: rest, ...(restNotes.length && { notes: restNotes }) },
  ];
}

/**
 * The sub-heading schemes of a part whose points end in a full stop and are therefore a list,
 * not headings: one of their lines runs on into text after its first sentence.
 */
function listSchemes(blocks: readonly Block[], sub: readonly Scheme[], read: ReadLabel): Set<Scheme> {
  const lists = new Set<Scheme>();
  for (const b of blocks) {
    if (b.kind !== 'line' || b.lead) continue;
    const l = read(b.text);
    if (l && sub.includes(l.scheme) && !isSubHeadingLine(b.text, l)) lists.add(l.scheme);
  }
  return lists;
}

/** The run-in sub-heading a paragraph starts with: its bold start's, or its first sentence's (labels.ts). */
const runInOf = (b: Line) => (b.lead ? runInHeading(b.lead, b.text) : plainRunIn(b.text));

/**
 * The sub-heading schemes a part writes as run-in sub-headings in plain text: every line of the
 * scheme starts with a sub-heading's sentence and runs on into text, two lines at least, or one
 * when the report writes its sub-headings so elsewhere (`layout`). A scheme of which one line
 * does not (a long first sentence, a point with no text after it) is a list, left as it is.
 */
export function runInSchemes(blocks: readonly Block[], sub: readonly Scheme[], layout = false, read: ReadLabel = readLabel): Set<Scheme> {
  const count = new Map<Scheme, number>();
  const lists = new Set<Scheme>();
  for (const b of blocks) {
    const l = b.kind === 'line' ? read(b.text) : undefined;
    if (!l || !sub.includes(l.scheme)) continue;
    if (runInOf(b as Line)) count.set(l.scheme, (count.get(l.scheme) ?? 0) + 1);
    else lists.add(l.scheme);
  }
  return new Set([...count].filter(([s, n]) => !lists.has(s) && n >= (layout ? 1 : 2)).map(([s]) => s));
}

/** The numbering schemes a part's lines use. */
const usedIn = (blocks: readonly Block[], read: ReadLabel) =>
  new Set(blocks.flatMap((b) => (b.kind === 'line' ? [read(b.text)?.scheme] : [])).filter((s): s is Scheme => s !== undefined));

/** Whether the report writes run-in sub-headings: one of its parts does so throughout. */
export const writesRunIns = (parts: readonly (readonly Block[])[], scheme: Scheme, read: ReadLabel = readLabel): boolean =>
  parts.some((p) => runInSchemes(p, subSchemes(scheme, usedIn(p, read)), false, read).size > 0);

/** A line one level down (subSchemes) as the part writes it: a sub-heading, a run-in one and its text, or text. */
function subLevel(b: Line, l: Label, how: { runIns: Set<Scheme>; lists: Set<Scheme> }): BodyBlock[] {
  if (how.runIns.has(l.scheme)) return splitRunIn(b, runInOf(b)!);
  const sentence = /[。！!]$/.test(b.text) && how.lists.has(l.scheme);
  if (isSubHeadingLine(b.text, l) && !sentence) return [{ kind: 'subheading', text: b.text, ...(b.notes && { notes: b.notes }) }];
  const head = b.lead ? runInHeading(b.lead, b.text) : undefined;
  return head ? splitRunIn(b, head) : [b];
}

/**
 * The third-level lines (`third`, 1. under （一）) that are headings, by index: under each
 * sub-heading, its lines of that level are headings when every one of them starts in bold as
 * a run-in heading, or (plain text) starts with a heading's sentence and runs on, two at least,
 * or stands on a line of its own, of a sub-heading's shape, with its text (a paragraph that is
 * no numbered point, or a table) after it. Points that follow one another, or end the group,
 * are a list, left as printed.
 */
function thirdLevelHeads(blocks: readonly Block[], sub: readonly Scheme[], third: Scheme, read: ReadLabel): Map<number, string | true> {
  const heads = new Map<number, string | true>();
  const groups: number[][] = [];
  blocks.forEach((b, i) => {
    const l = b.kind === 'line' ? read(b.text) : undefined;
    if (l && sub.includes(l.scheme)) groups.push([]);
    else if (l?.scheme === third && groups.length) groups.at(-1)!.push(i);
  });
  // Its text after it: a table, or a paragraph that is no numbered point of any level.
  const ownLine = (i: number) => {
    const next = blocks[i + 1];
    return isSubHeadingLine((blocks[i] as Line).text) && !!next && (next.kind !== 'line' || !read(next.text));
  };
  for (const group of groups) {
    const lines = group.map((i) => blocks[i] as Line);
    const bold = lines.map((b) => (b.lead ? runInHeading(b.lead, b.text) : undefined));
    const plain = lines.map((b) => plainRunIn(b.text));
    const pick = bold.every(Boolean) ? bold : plain.every(Boolean) && lines.length >= 2 ? plain : group.every(ownLine) ? group.map(() => true as const) : [];
    pick.forEach((h, k) => heads.set(group[k]!, h!));
  }
  return heads;
}

/**
 * A part's blocks with its sub-headings marked: lines one level down of a sub-heading's shape,
 * Word run-in headings, and run-in headings of plain text where the part writes them
 * throughout (runInSchemes; `layout`: the report does so in another part); `read`, how the
 * report's parts are read for labels (partsReader). A line ending in 。
 * or ！ is a point of a list, not a sub-heading, when a sibling of its scheme in the part runs on
 * into text. Under those sub-headings, the level below may hold headings too (####:
 * thirdLevelHeads).
 */
export function bodyOf(blocks: readonly Block[], scheme: Scheme, layout = false, read: ReadLabel = partsReader(blocks)): BodyBlock[] {
  const used = usedIn(blocks, read);
  const sub = subSchemes(scheme, used);
  const third = levelBelow(sub, used);
  const thirds = third ? thirdLevelHeads(blocks, sub, third, read) : new Map<number, string | true>();
  const how = { runIns: runInSchemes(blocks, sub, layout, read), lists: listSchemes(blocks, sub, read) };
  let underHeading = false;
  return blocks.flatMap((b, i): BodyBlock[] => {
    if (b.kind !== 'line') return [b];
    const l = read(b.text);
    const head = thirds.get(i);
    if (head && underHeading) return head === true ? [{ kind: 'subheading', text: b.text, level: 4, ...(b.notes && { notes: b.notes }) }] : splitRunIn(b, head, 4);
    if (!l || !sub.includes(l.scheme)) return [b];
    const out = subLevel(b, l, how);
    underHeading = out[0]!.kind === 'subheading';
    return out;
  });
}
