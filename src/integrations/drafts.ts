/**
 * Drafts show in `astro dev` only. The decision is taken from the command that runs, not
 * from NODE_ENV or DEV in the environment, so a stray variable on a build server can never
 * publish a draft.
 */
import type { AstroIntegration } from 'astro';

export default function drafts(): AstroIntegration {
  return {
    name: 'fznb-drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
