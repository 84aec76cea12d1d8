// Plain JavaScript, not TypeScript: the site's `npm run typecheck` covers every .ts file in the
// repository and would check this against the site's own copy of astro.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
