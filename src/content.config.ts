import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportSchema, sectionSchema } from './domain/schema';

// Astro keeps parsed entries in its content cache until this file's text changes; a change to
// the schemas imported above does not count. So note each change of what entries parse to here:
// schema revision 3 — `year` is any four-digit year (was 1990–2100).

// CONTENT_DIR lets tests and benchmarks build the same site from fixture content.
const contentDir = process.env.CONTENT_DIR ?? './src/content';

const reports = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir}/reports` }),
  schema: reportSchema,
});

const sections = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${contentDir}/sections` }),
  // The domain schema checks the year; the pipe makes it a reference to the reports collection.
  schema: sectionSchema.extend({ report: sectionSchema.shape.report.pipe(reference('reports')) }),
});

export const collections = { reports, sections };
