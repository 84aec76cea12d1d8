interface ImportMetaEnv {
  /** True in `astro dev` only (src/integrations/drafts.ts). */
  readonly SHOW_DRAFTS: boolean;
}
