/**
 * What the content collections hold beyond their entries' data, shared by the loader that
 * fills them (content-loader.ts) and the pages that read them (src/utils/content.ts).
 */
import type { Attachment } from '../domain/attachments.ts';
import type { HistoryEntry } from '../domain/history.ts';
import type { BodyPieces } from '../domain/body-html.ts';

/** The id of the record collection's one entry: the record of what was published, as checked. */
export const RECORD_ID = 'record';
/** The id of the history collection's one entry: each recorded year's history (src/domain/history.ts). */
export const HISTORY_ID = 'history';

/** The history collection's entry: each recorded year's entries, newest first, with what they changed. */
export interface HistoryData {
  years: Record<string, HistoryEntry[]>;
}

/** What pages read of an entry's body: its HTML in pieces, joined at each page's level, and the text a reader sees; of a report, its attachments. */
export interface BodyMetadata {
  /** The HTML with each sub-heading apart (src/domain/body-html.ts joins it at a level). */
  pieces: BodyPieces;
  text: string[];
  /** A report's 附件, as described from their bytes (the bytes themselves are written after the build). */
  attachments?: Attachment[];
}
