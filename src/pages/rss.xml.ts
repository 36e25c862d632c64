// The wins as an RSS feed, newest first, each with its share image. Journal text goes through
// xmlText (the builder escapes markup but not the characters XML forbids); the description is HTML
// by convention, so its text is escaped as HTML first and shows as written in a reader.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { formatDate } from '../lib/format/dates.ts';
import { htmlText, xmlText } from '../lib/format/markup-text.ts';
import { formatWinFigure } from '../lib/site/figures.ts';
import { newestFirst } from '../lib/site/timeline.ts';
import { absoluteUrl, fileWithBase, pathWithBase } from '../utils/base.ts';
import { rewardLine } from '../lib/wins/rewards.ts';
import { getProfile, getRewards, getWins } from '../utils/site-data.ts';

const FEED_SIZE = 50;

function escapeXml(text: string): string {
  return xmlText(text).replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function rewardSentence(rewards: Parameters<typeof rewardLine>[0] | undefined): string {
  const line = rewards ? rewardLine(rewards) : null;
  return line === null ? '' : ` ${line}.`;
}

export async function GET(context: APIContext): Promise<Response> {
  const profile = await getProfile();
  const wins = newestFirst(await getWins()).slice(0, FEED_SIZE);
  const site = absoluteUrl(pathWithBase(), context.site);
  // A private reward's words never reach the collection: the line says only that one was earned.
  const rewards = Map.groupBy((await getRewards()).filter((reward) => reward.win !== null), (reward) => reward.win!);
  return rss({
    title: xmlText(profile.title),
    description: xmlText(`The small wins of ${profile.name}.`),
    site,
    // A browser shows the feed as a readable page; feed readers ignore the stylesheet.
    stylesheet: fileWithBase('rss.xsl'),
    trailingSlash: true,
    items: wins.map((win) => {
      const figure = formatWinFigure(win, profile.units, profile.locale);
      const link = absoluteUrl(pathWithBase(`wins/${win.slug}/`), context.site);
      return {
        title: xmlText(win.title),
        link,
        // Dates are days; noon UTC keeps every reader on the same calendar day.
        pubDate: new Date(`${win.date}T12:00:00Z`),
        description: htmlText(`${win.title} — ${figure}, ${formatDate(win.date, profile.locale)}.${rewardSentence(rewards.get(win.slug))}`),
        // The slug, not the URL: a feed reader keeps an item's identity when the site moves.
        customData: `<guid isPermaLink="false">${escapeXml(win.slug)}</guid>`,
        enclosure: {
          url: absoluteUrl(fileWithBase(`wins/${win.slug}/card-1200x630.png`), context.site),
          type: 'image/png',
          // The card's byte size, set once the cards are placed (feed-enclosures.ts).
          length: 0,
        },
        categories: [win.family],
      };
    }),
    customData: `<language>${escapeXml(profile.locale)}</language>`,
  });
}
