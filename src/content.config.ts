import { defineCollection } from 'astro:content';
import { reportSchema, sectionSchema } from './domain/schema';
import { contentLoaders } from './utils/content-cache';
import { contentDirOf } from './domain/layout';

// Astro re-parses a cached entry only when its digest changes; the loaders' digests cover the
// schemas' source (src/utils/content-cache.ts), so a schema change needs no note here.

// CONTENT_DIR lets tests and benchmarks build the same site from fixture content.
const contentDir = contentDirOf(process.env);
const loaders = contentLoaders(contentDir);

const reports = defineCollection({
  loader: loaders.reports,
  schema: reportSchema,
});

const sections = defineCollection({
  loader: loaders.sections,
  schema: sectionSchema,
});

export const collections = { reports, sections };
