// The progression that led to a win, as SVG shapes: a line, a soft area under it, and the win's
// point ringed. Better is always up (times are flipped), so every sparkline climbs to its win.
import type { CardSparkline, CardStreak } from './card-input.ts';

export interface SparklineBox {
  width: number;
  height: number;
  /** Room kept around the line so the ringed point is never cut. */
  inset: number;
}

export function sparklinePoints(spark: CardSparkline, box: SparklineBox): Array<[number, number]> {
  const { values, lowerIsBetter } = spark;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const innerWidth = box.width - 2 * box.inset;
  const innerHeight = box.height - 2 * box.inset;
  const days = spark.days;
  const lastDay = days?.at(-1) ?? 0;
  return values.map((value, index) => {
    const share = days && lastDay > 0 ? (days[index] ?? 0) / lastDay : values.length === 1 ? 1 : index / (values.length - 1);
    const x = box.inset + share * innerWidth;
    // A flat series sits in the middle rather than on an edge.
    const height = span === 0 ? 0.5 : (value - min) / span;
    const up = lowerIsBetter ? 1 - height : height;
    const y = box.inset + (1 - up) * innerHeight;
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  });
}

export interface SparklineColours {
  line: string;
  /** Fill inside the ring of the highlighted point (the card background). */
  background: string;
}

/** Where a streak's squares go: columns, rows and the step between squares, as large as fits. */
export function streakLayout(streak: CardStreak, size: { width: number; height: number }): { columns: number; rows: number; pitch: number } {
  const cells = streak.offset + streak.count;
  const layouts: Array<[number, number]> = [];
  if (streak.unit === 'day') layouts.push([7, Math.ceil(cells / 7)], [Math.ceil(cells / 7), 7]);
  // Narrowest first, so of two layouts with squares as large, the one filling more of a tall box wins.
  else for (let columns = 1; columns <= cells; columns++) layouts.push([columns, Math.ceil(cells / columns)]);
  // A short streak stays a strip of bold squares rather than a few giant tiles.
  const pitchOf = ([columns, rows]: [number, number]): number => Math.min(size.width / columns, size.height / rows, size.width / 5);
  const [columns, rows] = layouts.reduce((best, layout) => (pitchOf(layout) > pitchOf(best) ? layout : best));
  return { columns, rows, pitch: pitchOf([columns, rows]) };
}

/**
 * A streak's squares, as large as the box allows: days as a calendar (a row or column per
 * weekday, the days before the first one left faint), weeks in even rows. The last is the win's.
 */
export function streakSvg(streak: CardStreak, size: { width: number; height: number }, colours: SparklineColours & { faint: string }): string {
  const cells = streak.offset + streak.count;
  const { columns, rows, pitch } = streakLayout(streak, size);
  const cell = Math.max(1, Math.round(pitch * 0.82 * 10) / 10);
  const left = (size.width - columns * pitch) / 2;
  const top = (size.height - rows * pitch) / 2;
  // A calendar a week per row reads across; a week per column reads down.
  const acrossFirst = streak.unit === 'week' || columns === 7;
  const squares: string[] = [];
  for (let index = 0; index < cells; index++) {
    const [column, row] = acrossFirst ? [index % columns, Math.floor(index / columns)] : [Math.floor(index / rows), index % rows];
    const x = Math.round((left + column * pitch) * 10) / 10;
    const y = Math.round((top + row * pitch) * 10) / 10;
    const fill = index < streak.offset ? colours.faint : colours.line;
    // The win's own day stands out: the others are a shade lighter.
    const shade = index >= streak.offset && index < cells - 1 ? ' fill-opacity="0.7"' : '';
    squares.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" rx="${Math.round(cell / 5)}" fill="${fill}"${shade}/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">${squares.join('')}</svg>`;
}

export function sparklineSvg(spark: CardSparkline, size: { width: number; height: number }, colours: SparklineColours & { faint?: string }): string {
  if (spark.streak) return streakSvg(spark.streak, size, { ...colours, faint: colours.faint ?? colours.background });
  const stroke = Math.max(3, Math.round(size.height / 40));
  const ring = stroke * 3;
  const box = { ...size, inset: ring + stroke };
  const points = sparklinePoints(spark, box);
  // Spaced by date, a count holds its value until it next rises: steps, not slopes.
  const path = spark.days ? points.flatMap((point, index) => (index === 0 ? [point] : [[point[0], (points[index - 1] as [number, number])[1]] as [number, number], point])) : points;
  const line = path.map(([x, y]) => `${x},${y}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const mark = points[spark.highlight];
  if (!first || !last || !mark) return '';
  const bottom = box.height;
  const area = `M${first[0]},${bottom} L${line.replaceAll(' ', ' L')} L${last[0]},${bottom} Z`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}">`,
    `<path d="${area}" fill="${colours.line}" fill-opacity="0.16"/>`,
    `<polyline points="${line}" fill="none" stroke="${colours.line}" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/>`,
    `<circle cx="${mark[0]}" cy="${mark[1]}" r="${ring}" fill="${colours.background}" stroke="${colours.line}" stroke-width="${stroke}"/>`,
    `<circle cx="${mark[0]}" cy="${mark[1]}" r="${ring - stroke * 1.5}" fill="${colours.line}"/>`,
    '</svg>',
  ].join('');
}
