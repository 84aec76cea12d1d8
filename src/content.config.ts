import { defineCollection } from 'astro:content';
import { reportSchema, sectionSchema } from './domain/schema';
import { recordFileSchema } from './domain/record';
import { contentLoader } from './integrations/content-loader';

// Entries are read and validated once, by the content folder's one reader
// (src/domain/content-folder.ts), which also checks them; the schemas here give their types.
const reports = defineCollection({ loader: contentLoader('reports'), schema: reportSchema });
const sections = defineCollection({ loader: contentLoader('sections'), schema: sectionSchema });
// The record of what was published, as one entry: the chain the build checked the reports against.
const record = defineCollection({ loader: contentLoader('record'), schema: recordFileSchema });

// Each recorded year's history, with what every correction changed (src/domain/history.ts).
const history = defineCollection({ loader: contentLoader('history') });

export const collections = { reports, sections, record, history };
