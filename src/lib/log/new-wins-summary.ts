// The job summary of a deployment: the wins a push added, as Markdown with links to their pages.
import { formatDate } from '../format/dates.ts';
import type { Win } from '../types.ts';
import type { WinsDiff } from './diff-wins.ts';
import { winPath } from './log-report.ts';

/** Enough to celebrate in a summary without burying it; the site has the rest. */
export const SUMMARY_LIMIT = 50;

/** Markdown inline text: no character may open a link, an emphasis or HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

function link(win: Win, site: string | null): string {
  const title = escapeMarkdown(win.title);
  if (site === null) return `**${title}**`;
  return `[**${title}**](${site.replace(/\/+$/, '')}${winPath(win.slug)})`;
}

export interface SummaryOptions {
  /** The site's public address with its base (`https://ana.github.io/runs/`); null prints no links. */
  site: string | null;
  /** False for a first deployment, where every win is new. */
  hadPrevious: boolean;
  locale?: string;
}

export function formatNewWinsSummary(diff: WinsDiff, options: SummaryOptions): string {
  const { added, removed } = diff;
  const lines: string[] = ['## New wins', ''];
  if (added.length === 0) {
    lines.push(options.hadPrevious ? 'No new win in this push. Keep going!' : 'No win yet: log a run and push.');
  } else {
    if (!options.hadPrevious) lines.push(`First deployment: ${added.length} win${added.length === 1 ? '' : 's'} so far.`, '');
    const newestFirst = [...added].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    for (const win of newestFirst.slice(0, SUMMARY_LIMIT)) {
      lines.push(`- ${formatDate(win.date, options.locale ?? 'en')}: ${link(win, options.site)}`);
    }
    if (added.length > SUMMARY_LIMIT) lines.push(`- …and ${added.length - SUMMARY_LIMIT} more on the site.`);
  }
  if (removed.length > 0) {
    lines.push('', `This push changed ${removed.length} earlier win${removed.length === 1 ? '' : 's'} (a run added or edited before them):`);
    for (const win of removed.slice(0, SUMMARY_LIMIT)) lines.push(`- no longer: ${escapeMarkdown(win.title)} (${win.date})`);
  }
  return `${lines.join('\n')}\n`;
}
