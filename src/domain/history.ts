/**
 * What changed, entry by entry, in a report's version history (版本记录): from the record's
 * entries for a year and, where git still holds it, the text each entry published. Pure: the
 * versions are read elsewhere (history-git.ts). The text is compared sentence by sentence (a
 * sentence ends at 。！？； or with its line), so a reader sees the sentences a correction took out
 * and put in, not characters; title, metadata, items, figures and attachments are compared by
 * the record's own states, which are always there.
 */
import { diffArrays } from 'diff';
import { fingerprintOf, type PublishedState, type RecordEntry } from './record.ts';

/** The text of one version of a report, as the record digests it (record.ts recordText), when it could be read. */
export type VersionText = { text: string } | { unavailable: string };

/** One run of changed sentences: what was taken out, then what was put in its place. */
export interface SentenceChange {
  removed: string[];
  added: string[];
}

/** One field whose value changed, in the record's terms. */
export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

/** One entry of the history, with what it changed since the entry before it for the same year. */
export interface HistoryEntry {
  event: RecordEntry['event'];
  date: string | null;
  note?: string;
  recordedOn: string;
  fingerprint: string;
  /** Sentences taken out and put in; undefined for the first publication, or when a version's text is not known. */
  sentences?: SentenceChange[];
  /** Why the text of this version or the one before it cannot be shown. */
  textUnavailable?: string;
  title?: FieldChange;
  metadata: FieldChange[];
  items: FieldChange[];
  figures: FieldChange[];
  /** Attachments by name: added, replaced by other bytes, removed. */
  attachments: { added: string[]; replaced: string[]; removed: string[] };
}

/** A text's sentences, in order: each ends at 。！？； (kept), or with its line. */
export function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.match(/[^。！？；!?;]+[。！？；!?;]*|[。！？；!?;]+/gu) ?? [])
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The runs of sentences that differ between two texts, in the order they stand. */
export function sentenceChanges(before: string, after: string): SentenceChange[] {
  const out: SentenceChange[] = [];
  let run: SentenceChange | undefined;
  for (const part of diffArrays(sentencesOf(before), sentencesOf(after))) {
    if (!part.added && !part.removed) {
      run = undefined;
      continue;
    }
    run ??= out[out.push({ removed: [], added: [] }) - 1];
    (part.removed ? run!.removed : run!.added).push(...part.value);
  }
  return out;
}

/** Fields of two key-value states that differ. */
function fieldChanges(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => before[k] !== after[k])
    .map((field) => ({ field, ...(before[field] !== undefined ? { before: before[field] } : {}), ...(after[field] !== undefined ? { after: after[field] } : {}) }));
}

/** Attachments added, replaced by other bytes under the same name, and removed. */
function attachmentChanges(before: PublishedState, after: PublishedState): HistoryEntry['attachments'] {
  const old = new Map(before.attachments.map((a) => [a.name, a.sha256]));
  const now = new Map(after.attachments.map((a) => [a.name, a.sha256]));
  return {
    added: [...now.keys()].filter((n) => !old.has(n)),
    replaced: [...now].filter(([n, h]) => old.has(n) && old.get(n) !== h).map(([n]) => n),
    removed: [...old.keys()].filter((n) => !now.has(n)),
  };
}

/** What one entry changed in the state the entry before it left (nothing before a publication). */
function stateChanges(before: PublishedState | undefined, after: PublishedState) {
  if (!before) return { metadata: [], items: [], figures: [], attachments: { added: [], replaced: [], removed: [] } };
  return {
    ...(before.title !== after.title ? { title: { field: 'title', before: before.title, after: after.title } } : {}),
    metadata: fieldChanges(before.metadata, after.metadata),
    items: fieldChanges(before.items, after.items),
    figures: fieldChanges(before.figures, after.figures),
    attachments: attachmentChanges(before, after),
  };
}

/** The text change between two versions, or why it cannot be shown. */
function textChange(before: VersionText | undefined, after: VersionText, sameText: boolean): Pick<HistoryEntry, 'sentences' | 'textUnavailable'> {
  if (!before || sameText) return sameText && before ? { sentences: [] } : {};
  if ('unavailable' in before) return { textUnavailable: before.unavailable };
  if ('unavailable' in after) return { textUnavailable: after.unavailable };
  return { sentences: sentenceChanges(before.text, after.text) };
}

/**
 * A year's history, newest first: each entry of the record for the year with what it changed
 * since the one before. `texts[i]` is the text entry i published (same order as `entries`).
 */
export function yearHistory(entries: readonly RecordEntry[], texts: readonly VersionText[]): HistoryEntry[] {
  const out = entries.map((e, i): HistoryEntry => {
    const before = entries[i - 1];
    return {
      event: e.event,
      date: e.date,
      ...(e.note !== undefined ? { note: e.note } : {}),
      recordedOn: e.recordedOn,
      fingerprint: fingerprintOf(e),
      ...textChange(i ? texts[i - 1] : undefined, texts[i]!, before?.state.text === e.state.text),
      ...stateChanges(before?.state, e.state),
    };
  });
  return out.reverse();
}
