interface ImportMetaEnv {
  /** True in `astro dev` only (src/integrations/drafts.ts). */
  readonly SHOW_DRAFTS: boolean;
}

declare module 'virtual:fznb/title-words' {
  /** Texts the build has segmented already, and their words (src/integrations/vite-title-words.ts). */
  const words: Readonly<Record<string, readonly string[]>>;
  export default words;
}
