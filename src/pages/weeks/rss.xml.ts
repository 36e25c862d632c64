// The weekly recaps as a second RSS feed, newest first: one post per week with runs, the runner's
// public reflection first, then its summary in plain words. Runs' private words never reach a
// summary (it names counts, distances and wins); a private reflection never reaches the pages' data.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { htmlText, xmlText } from '../../lib/format/markup-text.ts';
import { weekComparisonText, weekRecaps, weekSummary } from '../../lib/site/weeks.ts';
import { absoluteUrl, pathWithBase } from '../../utils/base.ts';
import { getProfile, getReflections, getRuns, getWins } from '../../utils/site-data.ts';

const FEED_SIZE = 50;

export async function GET(context: APIContext): Promise<Response> {
  const profile = await getProfile();
  const recaps = weekRecaps(await getRuns(), await getWins()).reverse().slice(0, FEED_SIZE);
  const reflections = await getReflections();
  return rss({
    title: xmlText(`${profile.title}: weeks`),
    description: xmlText(`The running weeks of ${profile.name}.`),
    site: absoluteUrl(pathWithBase(), context.site),
    trailingSlash: true,
    items: recaps.map((recap) => {
      const reflection = reflections.get(recap.week);
      const figures = htmlText(`${weekSummary(recap, profile.units)}. ${weekComparisonText(recap, profile.units)}`);
      return {
        title: xmlText(reflection?.title ? `Week ${recap.week}: ${reflection.title}` : `Week ${recap.week}`),
        link: absoluteUrl(pathWithBase(`weeks/${recap.week}/`), context.site),
        // A week's post is dated its Sunday, at noon UTC so every reader sees the same day.
        pubDate: new Date(`${recap.to}T12:00:00Z`),
        // The reflection leads the post, as on its page; rendered HTML, escaped by the builder.
        description: reflection === undefined ? figures : `${xmlText(reflection.html)}<p>${figures}</p>`,
        customData: `<guid isPermaLink="false">week-${recap.week}</guid>`,
      };
    }),
  });
}
