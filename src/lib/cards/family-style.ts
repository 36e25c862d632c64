// Each family of wins has its own colour and a simple icon, so a feed of cards reads at a glance.
// Backgrounds are deep and text is white or a light tint of the same hue: every pair passes
// WCAG AA (tests/cards/family-style.test.ts checks the ratios).
import type { WinFamily, WinKind } from '../types.ts';

export type CardTheme = WinFamily | 'site';

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
    background: '#0B4F6C',
    ink: '#FFFFFF',
    accent: '#8FD8F2',
    // A route between two points.
    icon: `<circle cx="5" cy="18" r="2.5" fill="currentColor"/><circle cx="19" cy="6" r="2.5" fill="currentColor"/><path ${STROKE} d="M7.5 18H14a3 3 0 0 0 0-6h-4a3 3 0 0 1 0-6h6.5"/>`,
  },
  speed: {
    background: '#A4161A',
    ink: '#FFFFFF',
    accent: '#FFD0C2',
    icon: '<path fill="currentColor" d="M13.5 2 4 13.5h6.5L9 22l11-12.5h-6.8z"/>',
  },
  volume: {
    background: '#3730A3',
    ink: '#FFFFFF',
    accent: '#C7D2FE',
    icon: '<rect x="3" y="13" width="4.5" height="8" rx="1" fill="currentColor"/><rect x="9.75" y="8" width="4.5" height="13" rx="1" fill="currentColor"/><rect x="16.5" y="3" width="4.5" height="18" rx="1" fill="currentColor"/>',
  },
  consistency: {
    background: '#166534',
    ink: '#FFFFFF',
    accent: '#BBF7D0',
    // A calendar with a tick.
    icon: `<rect x="3" y="5" width="18" height="16" rx="2.5" ${STROKE}/><path ${STROKE} d="M3 10h18M8 3v4M16 3v4M8.5 15.5l2.5 2.5 4.5-4.5"/>`,
  },
  resilience: {
    background: '#6B21A8',
    ink: '#FFFFFF',
    accent: '#E9D5FF',
    icon: '<path fill="currentColor" d="M12 21.3S2.5 15.6 2.5 8.9A5 5 0 0 1 12 6.3a5 5 0 0 1 9.5 2.6c0 6.7-9.5 12.4-9.5 12.4z"/>',
  },
  race: {
    background: '#9A3412',
    ink: '#FFFFFF',
    accent: '#FED7AA',
    // A medal on its ribbon.
    icon: `<path ${STROKE} d="M7 2.5l3.5 7M17 2.5l-3.5 7"/><circle cx="12" cy="15.5" r="6" fill="currentColor"/>`,
  },
  goal: {
    background: '#7C4A03',
    ink: '#FFFFFF',
    accent: '#FEF08A',
    icon: `<path ${STROKE} d="M5 21.5V3"/><path fill="currentColor" d="M5 3.5h13.5l-3 4.5 3 4.5H5z"/>`,
  },
  personal: {
    background: '#9D174D',
    ink: '#FFFFFF',
    accent: '#FBCFE8',
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

/** The icon as a standalone SVG document in one colour. */
export function iconSvg(theme: CardTheme, colour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" color="${colour}" width="24" height="24">${THEME_STYLE[theme].icon}</svg>`;
}

/** The kicker above a headline: one win, singular ("Personal best", not "Personal bests"). */
export const KIND_KICKER: Record<WinKind, string> = {
  'first-run': 'First run',
  'distance-first': 'Distance first',
  'nonstop-first': 'Without stopping',
  'longest-run': 'Longest run',
  'personal-best': 'Personal best',
  barrier: 'Barrier broken',
  'climb-first': 'Climbing first',
  'total-distance': 'Lifetime distance',
  'run-count': 'Run count',
  'daily-streak': 'Daily streak',
  'weekly-streak': 'Weekly streak',
  'biggest-week': 'Biggest week',
  'biggest-month': 'Biggest month',
  comeback: 'Comeback',
  'back-to-form': 'Back to form',
  race: 'Race',
  'goal-progress': 'Goal progress',
  'goal-achieved': 'Goal achieved',
  'showed-up': 'Showed up anyway',
  heat: 'Heat',
  anniversary: 'Anniversary',
  eddington: 'Eddington number',
  custom: 'Small win',
};

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
