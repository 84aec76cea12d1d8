import { buildSite } from './build';

/** One production build of the real content, shared by every test that reads `dist`. */
export default function setup({ provide }: { provide: (key: 'siteDist', value: string) => void }) {
  const r = buildSite();
  if (r.status !== 0) throw new Error(`astro build failed:\n${r.output}`);
  provide('siteDist', r.outDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDist: string;
  }
}
