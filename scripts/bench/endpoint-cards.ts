// Benchmark only — the common approach the share-card pipeline is compared with: an Astro
// integration that injects one prerendered endpoint per image, so `astro build` renders every
// card inside its own page rendering, one at a time, on every build.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function endpointCards(): AstroIntegration {
  return {
    name: 'small-wins:bench-endpoint-cards',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({
          pattern: '/wins/[slug]/[card]',
          entrypoint: fileURLToPath(new URL('./card-endpoint.ts', import.meta.url)),
          prerender: true,
        });
      },
    },
  };
}
