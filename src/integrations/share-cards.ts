// PLACEHOLDER (being replaced by the share-cards work): the Astro integration that renders
// every win's share images after the build.
import type { AstroIntegration } from 'astro';

export default function shareCards(): AstroIntegration {
  return { name: 'small-wins:share-cards', hooks: {} };
}
