// The earning run's route as an SVG outline: drawn from the published track only, which is
// already privacy-trimmed (card-input.ts never passes a private run's route).
import type { CardRoute } from './card-input.ts';

/** The outline fitted inside `size` (centred, aspect kept), one polyline per stretch. */
export function routeSvg(route: CardRoute, size: { width: number; height: number }, colour: string): string {
  const stroke = Math.max(4, Math.round(Math.min(size.width, size.height) / 55));
  const inset = stroke * 2;
  const innerWidth = size.width - 2 * inset;
  const innerHeight = size.height - 2 * inset;
  // Points are in a unit box scaled by the longer side: the shorter one spans less than 1.
  const spanX = Math.max(...route.lines.flat().map(([x]) => x));
  const spanY = Math.max(...route.lines.flat().map(([, y]) => y));
  const scale = Math.min(innerWidth / Math.max(spanX, 1e-6), innerHeight / Math.max(spanY, 1e-6));
  const offsetX = inset + (innerWidth - spanX * scale) / 2;
  const offsetY = inset + (innerHeight - spanY * scale) / 2;
  const at = ([x, y]: [number, number]): string => `${Math.round((offsetX + x * scale) * 10) / 10},${Math.round((offsetY + y * scale) * 10) / 10}`;
  const lines = route.lines.map(
    (line) => `<polyline points="${line.map(at).join(' ')}" fill="none" stroke="${colour}" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/>`,
  );
  const last = route.lines[route.lines.length - 1]?.at(-1);
  const finish = last ? `<circle cx="${at(last).split(',')[0]}" cy="${at(last).split(',')[1]}" r="${stroke * 1.6}" fill="${colour}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">${lines.join('')}${finish}</svg>`;
}
