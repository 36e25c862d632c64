// An MDX story that uses a component it never imports compiles, then fails when its page renders
// with MDX's own message, which names neither the story nor the line. This check fails the build
// while the story compiles instead, naming the file as the runner types it, the line and the tag.
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { displayPath } from '../lib/journal/read-journal.ts';

/** What the MDX compiler emits for a component the file neither imports nor defines. */
const MISSING = /_missingMdxReference\("([^"]+)"/g;

/** The first line of `source` (1-based) holding the tag `<name`, or null. */
function lineOfTag(source: string, name: string): number | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`<${escaped}(?=[\\s./>])`).exec(source)?.index;
  return at === undefined ? null : source.slice(0, at).split('\n').length;
}

/** The build's words for the undefined components `compiled` (from the MDX file `file`) uses; empty when none. */
export function undefinedComponentErrors(file: string, compiled: string, source: string): string[] {
  const names = [...new Set([...compiled.matchAll(MISSING)].map((match) => match[1]!))];
  return names.map((name) => {
    const line = lineOfTag(source, name);
    const where = `${displayPath(file)}${line === null ? '' : `:${line}`}`;
    return `${where}: <${name}> is not a component this story imports or defines (import it at the top of the story, or remove the tag)`;
  });
}

/** The story's error as the build prints it: the problems alone, no stack. */
class StoryError extends Error {
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.name = 'StoryError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

export default function mdxStoryCheck(): AstroIntegration {
  return {
    name: 'small-wins:mdx-story-check',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'small-wins:mdx-story-check',
                // After the MDX compiler: what it leaves undefined is what is checked.
                enforce: 'post',
                transform(code, id) {
                  const file = id.split('?')[0]!;
                  if (!file.endsWith('.mdx') || !code.includes('_missingMdxReference(')) return null;
                  const errors = undefinedComponentErrors(file, code, readFileSync(file, 'utf8'));
                  if (errors.length > 0) throw new StoryError(errors);
                  return null;
                },
              },
            ],
          },
        });
      },
    },
  };
}
