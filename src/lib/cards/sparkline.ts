// The progression that led to a win, as SVG shapes: a line, a soft area under it, and the win's
// point ringed. Better is always up (times are flipped), so every sparkline climbs to its win.
import type { CardSparkline } from './card-input.ts';

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
  return values.map((value, index) => {
    const x = box.inset + (values.length === 1 ? innerWidth : (index / (values.length - 1)) * innerWidth);
    // A flat series sits in the middle rather than on an edge.
    const share = span === 0 ? 0.5 : (value - min) / span;
    const up = lowerIsBetter ? 1 - share : share;
    const y = box.inset + (1 - up) * innerHeight;
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  });
}

export interface SparklineColours {
  line: string;
  /** Fill inside the ring of the highlighted point (the card background). */
  background: string;
}

export function sparklineSvg(spark: CardSparkline, size: { width: number; height: number }, colours: SparklineColours): string {
  const stroke = Math.max(3, Math.round(size.height / 40));
  const ring = stroke * 3;
  const box = { ...size, inset: ring + stroke };
  const points = sparklinePoints(spark, box);
  const line = points.map(([x, y]) => `${x},${y}`).join(' ');
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
