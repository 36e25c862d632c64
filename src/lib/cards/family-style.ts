// One identity per family of wins: a colour and an icon, the same on its cards, its pages, its list
// entries and its filter chips. This table is the only place they are written: the cards read it,
// the site's sprite of icons (FamilyIconSprite.astro) draws the same shapes, and the site's colour
// rules (src/styles/families.css) are generated from it (`familyCss`; a test keeps the file in step).
// Cards are the deep colour with white and a light tint of the same hue as text: every pair passes
// WCAG AA (tests/cards/family-style.test.ts checks the ratios). Pages use the deep colour on light
// paper and a bright one of the same hue in dark mode.
import type { WinFamily } from '../types.ts';
import { WIN_FAMILIES } from '../model/kinds.ts';

export type CardTheme = WinFamily | 'site';

export interface FamilyColour {
  /** Card background; the family's colour on light pages. */
  deep: string;
  /** Kicker, sparkline and footer on a card: a light tint of the same hue. */
  tint: string;
  /** The family's colour on dark pages. */
  bright: string;
}

export const FAMILY_COLOUR: Record<WinFamily, FamilyColour> = {
  distance: { deep: '#1D4ED8', tint: '#DBEAFE', bright: '#60A5FA' },
  speed: { deep: '#B91C1C', tint: '#FEE2E2', bright: '#F87171' },
  volume: { deep: '#6D28D9', tint: '#EDE9FE', bright: '#A78BFA' },
  consistency: { deep: '#047857', tint: '#D1FAE5', bright: '#34D399' },
  resilience: { deep: '#9A3412', tint: '#FFEDD5', bright: '#FB923C' },
  race: { deep: '#BE185D', tint: '#FCE7F3', bright: '#F472B6' },
  goal: { deep: '#0E7490', tint: '#CFFAFE', bright: '#22D3EE' },
  personal: { deep: '#854D0E', tint: '#FEF9C3', bright: '#FACC15' },
};

export interface ThemeStyle {
  background: string;
  /** Main text: headline and figure. */
  ink: string;
  /** Kicker, sparkline and footer: a light tint of the family hue. */
  accent: string;
  /** Icon body: SVG elements in a 24×24 box, drawn with `currentColor`. */
  icon: string;
}

const STROKE = 'fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"';

export const THEME_STYLE: Record<CardTheme, ThemeStyle> = {
  distance: {
    background: FAMILY_COLOUR.distance.deep,
    ink: '#FFFFFF',
    accent: FAMILY_COLOUR.distance.tint,
    // A route between two points.
    icon: `<circle cx="5" cy="18" r="2.5" fill="currentColor"/><circle cx="19" cy="6" r="2.5" fill="currentColor"/><path ${STROKE} d="M7.5 18H14a3 3 0 0 0 0-6h-4a3 3 0 0 1 0-6h6.5"/>`,
  },
  speed: {
    background: FAMILY_COLOUR.speed.deep,
    ink: '#FFFFFF',
    accent: FAMILY_COLOUR.speed.tint,
    icon: '<path fill="currentColor" d="M13.5 2 4 13.5h6.5L9 22l11-12.5h-6.8z"/>',
  },
  volume: {
    background: FAMILY_COLOUR.volume.deep,
    ink: '#FFFFFF',
    accent: FAMILY_COLOUR.volume.tint,
    icon: '<rect x="3" y="13" width="4.5" height="8" rx="1" fill="currentColor"/><rect x="9.75" y="8" width="4.5" height="13" rx="1" fill="currentColor"/><rect x="16.5" y="3" width="4.5" height="18" rx="1" fill="currentColor"/>',
  },
  consistency: {
    background: FAMILY_COLOUR.consistency.deep,
    ink: '#FFFFFF',
    accent: FAMILY_COLOUR.consistency.tint,
    // A calendar with a tick.
    icon: `<rect x="3" y="5" width="18" height="16" rx="2.5" ${STROKE}/><path ${STROKE} d="M3 10h18M8 3v4M16 3v4M8.5 15.5l2.5 2.5 4.5-4.5"/>`,
  },
  resilience: {
    background: FAMILY_COLOUR.resilience.deep,
    ink: '#FFFFFF',
    accent: FAMILY_COLOUR.resilience.tint,
    icon: '<path fill="currentColor" d="M12 21.3S2.5 15.6 2.5 8.9A5 5 0 0 1 12 6.3a5 5 0 0 1 9.5 2.6c0 6.7-9.5 12.4-9.5 12.4z"/>',
  },
  race: {
    background: FAMILY_COLOUR.race.deep,
    ink: '#FFFFFF',
    accent: FAMILY_COLOUR.race.tint,
    // A medal on its ribbon.
    icon: '<path fill="currentColor" d="M5.5 2h4.2l3.4 7h-4.2zM18.5 2h-4.2l-3.4 7h4.2z"/><path fill="currentColor" fill-rule="evenodd" d="M12 9a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zm0 3.4a3.1 3.1 0 1 0 0 6.2 3.1 3.1 0 0 0 0-6.2z"/>',
  },
  goal: {
    background: FAMILY_COLOUR.goal.deep,
    ink: '#FFFFFF',
    accent: FAMILY_COLOUR.goal.tint,
    // A target.
    icon: `<circle cx="12" cy="12" r="9" ${STROKE}/><circle cx="12" cy="12" r="5" ${STROKE}/><circle cx="12" cy="12" r="1.8" fill="currentColor"/>`,
  },
  personal: {
    background: FAMILY_COLOUR.personal.deep,
    ink: '#FFFFFF',
    accent: FAMILY_COLOUR.personal.tint,
    icon: '<path fill="currentColor" d="m12 2 2.9 6.6 7.1.6-5.4 4.7 1.6 7L12 17.2l-6.2 3.7 1.6-7L2 9.2l7.1-.6z"/>',
  },
  site: {
    background: '#1E293B',
    ink: '#FFFFFF',
    accent: '#A5F3FC',
    // A line that climbs.
    icon: `<path ${STROKE} d="M3 17.5l6-6 4 4 8-8M14.5 7.5H21V14"/>`,
  },
};

/**
 * The site's family colour rules, from the table above: `--<family>` on light and dark pages, and
 * `data-family` on any element setting `--family` for it and its children.
 */
export function familyCss(): string {
  const vars = (pick: (colour: FamilyColour) => string, indent: string): string =>
    WIN_FAMILIES.map((family) => `${indent}--${family}: ${pick(FAMILY_COLOUR[family]).toLowerCase()};`).join('\n');
  return [
    '/* Generated from src/lib/cards/family-style.ts (familyCss): edit the table there, not this file. */',
    ':root {',
    vars((colour) => colour.deep, '  '),
    '}',
    '',
    '@media (prefers-color-scheme: dark) {',
    '  :root {',
    vars((colour) => colour.bright, '    '),
    '  }',
    '}',
    '',
    ...WIN_FAMILIES.map((family) => `[data-family='${family}'] { --family: var(--${family}); }`),
    '',
  ].join('\n');
}

/** The icon as a standalone SVG document in one colour. */
export function iconSvg(theme: CardTheme, colour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" color="${colour}" width="24" height="24">${THEME_STYLE[theme].icon}</svg>`;
}

/** WCAG relative luminance of a `#RRGGBB` colour. */
export function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
