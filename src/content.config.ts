import { defineCollection } from 'astro:content';
import { collectionSchemas, contentLoader } from './integrations/content-loader';

// Entries are read and validated once, by the content folder's one reader
// (src/domain/content-folder.ts), which also checks them; the schemas here give their types
// (src/domain/schema.ts, src/domain/record.ts, handed over by the site's integration).
const schemas = collectionSchemas();
const reports = defineCollection({ loader: contentLoader('reports'), schema: schemas.reports });
const sections = defineCollection({ loader: contentLoader('sections'), schema: schemas.sections });
// The record of what was published, as one entry: the chain the build checked the reports against.
const record = defineCollection({ loader: contentLoader('record'), schema: schemas.record });

// Each recorded year's history, with what every correction changed (src/domain/history.ts).
const history = defineCollection({ loader: contentLoader('history') });

export const collections = { reports, sections, record, history };
