// The card, as a satori tree of plain objects (no JSX). Journal text only ever appears as a
// string child, which satori draws as text: it never becomes markup.
import type { CardInput } from './card-input.ts';
import { THEME_STYLE, iconSvg } from './family-style.ts';
import { fitText, type TextLook, type TextMeasurer } from './fit-text.ts';
import { CARD_SIZE, type CardFormat } from './formats.ts';
import { routeSvg } from './route.ts';
import { sparklineSvg, streakLayout } from './sparkline.ts';

/** Bumped whenever the template's drawing changes: part of every cache key. */
export const TEMPLATE_VERSION = 7;

export interface CardNode {
  type: string;
  props: { style?: Record<string, unknown>; children?: Array<CardNode | string> | CardNode | string; [key: string]: unknown };
}

function box(style: Record<string, unknown>, children: Array<CardNode | string | null> = []): CardNode {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children: children.filter((c) => c !== null) } };
}

function text(value: string, style: Record<string, unknown>): CardNode {
  return { type: 'div', props: { style: { display: 'block', ...style }, children: value } };
}

/**
 * A drawing (icon, sparkline) as a box's background rather than an <img>: satori wraps every
 * <img> in a mask, and librsvg rasterises each mask through a canvas-sized scratch surface, which
 * made masks most of a card's cost (docs/share-cards.md). A background is a plain pattern fill.
 */
function svgImage(svg: string, width: number, height: number): CardNode {
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return box({ width, height, flexShrink: 0, backgroundImage: `url(${src})`, backgroundSize: `${width}px ${height}px`, backgroundRepeat: 'no-repeat' });
}

/** Sizes per format, in px. Stories keep clear of the app's own bars at top and bottom. */
interface Layout {
  padX: number;
  padTop: number;
  padBottom: number;
  gap: number;
  icon: number;
  kicker: number;
  date: number;
  headline: { max: number; min: number; height: number };
  figure: { max: number; min: number };
  detail: number;
  footer: number;
  /** Landscape puts the drawing (route or sparkline) beside the text; portrait formats below it. */
  sparkBeside: boolean;
  sparkWidth: number;
  sparkHeight: number;
  /** The route's box; in portrait formats it shares the drawing band with the sparkline. */
  routeWidth: number;
  routeHeight: number;
  /** Without a route, a sparkline or a progress bar, the family's icon this big, faint, fills the space. */
  emblem: number;
  /** The drawing takes all the height the words leave (a phone's tall screen has no room to waste). */
  fillDrawing: boolean;
}

const LAYOUT: Record<CardFormat, Layout> = {
  '1200x630': {
    padX: 72, padTop: 56, padBottom: 56, gap: 16, icon: 60, kicker: 26, date: 26,
    headline: { max: 68, min: 24, height: 152 }, figure: { max: 132, min: 48 }, detail: 28, footer: 24,
    sparkBeside: true, sparkWidth: 380, sparkHeight: 140, routeWidth: 340, routeHeight: 330, emblem: 240, fillDrawing: false,
  },
  '1080x1350': {
    padX: 84, padTop: 84, padBottom: 80, gap: 24, icon: 80, kicker: 32, date: 32,
    headline: { max: 96, min: 32, height: 400 }, figure: { max: 200, min: 64 }, detail: 38, footer: 32,
    sparkBeside: false, sparkWidth: 912, sparkHeight: 180, routeWidth: 912, routeHeight: 330, emblem: 300, fillDrawing: false,
  },
  '1080x1920': {
    padX: 90, padTop: 240, padBottom: 260, gap: 30, icon: 88, kicker: 34, date: 34,
    headline: { max: 104, min: 34, height: 520 }, figure: { max: 220, min: 72 }, detail: 40, footer: 34,
    sparkBeside: false, sparkWidth: 900, sparkHeight: 240, routeWidth: 900, routeHeight: 520, emblem: 420, fillDrawing: true,
  },
};

/** The empty band around each card's content: nothing is drawn there (the overflow tests check it). */
export function cardMargins(format: CardFormat): { top: number; right: number; bottom: number; left: number } {
  const layout = LAYOUT[format];
  return { top: layout.padTop, right: layout.padX, bottom: layout.padBottom, left: layout.padX };
}

const HEADLINE_LINE = 1.12;
// Tight, but with room for descenders: "to go" must keep its g.
const FIGURE_LINE = 1.16;

/**
 * At most `lines` lines, the last one ending in an ellipsis. Satori clamps a block's lines by
 * itself; `overflow: hidden` would add a mask per text, the expensive part of rasterising.
 */
function clampStyle(lines: number): Record<string, unknown> {
  return { lineClamp: lines };
}

/** Capitals as typesetters set them: Greek drops its accents in all-caps ("ΚΏΣΤΑ" → "ΚΩΣΤΑ"). */
function upperCase(value: string): string {
  return value.toUpperCase().normalize('NFD').replace(/([\u0391-\u03a9])\u0301/gu, '$1').normalize('NFC');
}

/** A text that may shrink inside a row (flex items do not shrink by default in satori). */
const SHRINKS = { flexGrow: 1, flexShrink: 1, flexBasis: 0, minWidth: 0 };

/** `a` moved `share` of the way towards `b` (both `#RRGGBB`): a faint tint without transparency. */
function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, offset: number): number => Number.parseInt(hex.slice(offset, offset + 2), 16);
  const out = [1, 3, 5].map((offset) => Math.round(channel(a, offset) + (channel(b, offset) - channel(a, offset)) * share));
  return `#${out.map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The height left for the drawing once the header, the words (as measured) and the footer have
 * theirs, with a gap between each: the drawing grows into it rather than leaving a hole.
 */
async function drawingRoom(
  input: CardInput,
  layout: Layout,
  height: number,
  text: { textWidth: number; figureWidth: number; headline: { fontSize: number }; figure: { fontSize: number } | null; family: string; measure: TextMeasurer },
): Promise<number> {
  const { measure, family } = text;
  const headline = Math.min(
    layout.headline.height,
    await measure.wrappedHeight(input.headline, { family, weight: 800, lineHeight: HEADLINE_LINE, letterSpacing: -0.02 }, text.headline.fontSize, text.textWidth),
  );
  const figure = input.figure && text.figure ? text.figure.fontSize * FIGURE_LINE * Math.ceil(
    (await measure.wrappedHeight(input.figure, { family, weight: 800, lineHeight: FIGURE_LINE, letterSpacing: -0.03 }, text.figure.fontSize, text.figureWidth)) /
      (text.figure.fontSize * FIGURE_LINE) - 0.01,
  ) : 0;
  const detailLine = layout.detail * 1.25;
  const detail = input.detail
    ? Math.round(layout.gap * 0.8) + Math.min(2 * detailLine, await measure.wrappedHeight(input.detail, { family, weight: 500, lineHeight: 1.25 }, layout.detail, text.figureWidth))
    : 0;
  const reward = input.reward
    ? Math.round(layout.gap * 0.6) + Math.min(2 * detailLine, await measure.wrappedHeight(input.reward, { family, weight: 700, lineHeight: 1.25 }, layout.detail, text.figureWidth))
    : 0;
  const footer = layout.footer * 1.3;
  const words = headline + layout.gap + figure + detail + reward;
  // Three gaps between four sections, each at least two of the layout's gaps.
  const free = height - layout.padTop - layout.padBottom - layout.icon - words - footer - 6 * layout.gap;
  return Math.max(layout.sparkHeight, Math.floor(free));
}

export async function cardTree(input: CardInput, format: CardFormat, family: string, measure: TextMeasurer): Promise<CardNode> {
  const { width, height } = CARD_SIZE[format];
  const layout = LAYOUT[format];
  const style = THEME_STYLE[input.theme];
  const contentWidth = width - 2 * layout.padX;
  const sparkGap = 40;
  // Landscape: the route stands beside the whole text; a sparkline (no route) beside the figure.
  const routeBeside = layout.sparkBeside && input.route !== null;
  const sparkBeside = layout.sparkBeside && !routeBeside && input.spark !== null;
  const barBeside = layout.sparkBeside && !routeBeside && !sparkBeside && input.share !== null;
  const emblemBeside = layout.sparkBeside && !routeBeside && !sparkBeside && !barBeside;
  const besideText = routeBeside ? layout.routeWidth : emblemBeside ? layout.emblem : 0;
  const textWidth = besideText > 0 ? contentWidth - besideText - sparkGap : contentWidth;
  const figureWidth = sparkBeside || barBeside ? contentWidth - layout.sparkWidth - sparkGap : textWidth;

  const headlineLook: TextLook = { family, weight: 800, lineHeight: HEADLINE_LINE, letterSpacing: -0.02 };
  const figureLook: TextLook = { family, weight: 800, lineHeight: FIGURE_LINE, letterSpacing: -0.03 };

  const headline = await fitText(
    input.headline,
    headlineLook,
    { width: textWidth, height: layout.headline.height, maxSize: layout.headline.max, minSize: layout.headline.min },
    measure,
  );
  const figure = input.figure
    ? await fitText(
        input.figure,
        figureLook,
        { width: figureWidth, height: layout.figure.max * FIGURE_LINE, maxSize: layout.figure.max, minSize: layout.figure.min },
        measure,
      )
    : null;

  const header = box({ alignItems: 'center' }, [
    box(
      {
        width: layout.icon, height: layout.icon, borderRadius: Math.round(layout.icon * 0.28), backgroundColor: style.accent,
        alignItems: 'center', justifyContent: 'center', flexShrink: 0,
      },
      [svgImage(iconSvg(input.theme, style.background), Math.round(layout.icon * 0.6), Math.round(layout.icon * 0.6))],
    ),
    text(upperCase(input.kicker), {
      ...SHRINKS, marginLeft: Math.round(layout.icon * 0.35), fontSize: layout.kicker, fontWeight: 700, letterSpacing: '0.08em',
      color: style.accent, ...clampStyle(1),
    }),
    input.date
      ? text(input.date, { marginLeft: 24, fontSize: layout.date, fontWeight: 500, color: style.ink, flexShrink: 0 })
      : null,
  ]);

  const headlineNode = text(input.headline, {
    width: textWidth, fontSize: headline.fontSize, fontWeight: 800, lineHeight: HEADLINE_LINE, letterSpacing: '-0.02em',
    color: style.ink, wordBreak: 'break-word', maxHeight: layout.headline.height, ...clampStyle(headline.maxLines),
  });

  const figureBlock = box({ flexDirection: 'column', width: figureWidth, flexShrink: 0, justifyContent: 'flex-end' }, [
    figure && input.figure
      ? text(input.figure, {
          fontSize: figure.fontSize, fontWeight: 800, lineHeight: FIGURE_LINE, letterSpacing: '-0.03em', color: style.ink,
          wordBreak: 'break-word', ...clampStyle(figure.maxLines),
        })
      : null,
    input.detail
      ? text(input.detail, {
          marginTop: Math.round(layout.gap * 0.8), fontSize: layout.detail, fontWeight: 500, lineHeight: 1.25, color: style.ink,
          ...clampStyle(2),
        })
      : null,
    // A reward earned: the runner's promise kept, in the family's colour under the context.
    input.reward
      ? text(input.reward, {
          marginTop: Math.round(layout.gap * 0.6), fontSize: layout.detail, fontWeight: 700, lineHeight: 1.25, color: style.accent,
          ...clampStyle(layout.sparkBeside ? 1 : 2),
        })
      : null,
  ]);

  const sparkNode = (sparkHeight: number): CardNode | null =>
    input.spark
      ? box({ flexDirection: 'column', width: layout.sparkWidth, flexShrink: 0 }, [
          svgImage(
            sparklineSvg(input.spark, { width: layout.sparkWidth, height: sparkHeight }, {
              line: style.accent, background: style.background, faint: mix(style.background, style.accent, 0.25),
            }),
            layout.sparkWidth,
            sparkHeight,
          ),
          input.spark.label
            ? text(input.spark.label, {
                marginTop: 8, fontSize: Math.round(layout.footer * 0.85), fontWeight: 500, color: style.accent, ...clampStyle(1),
              })
            : null,
        ])
      : null;
  // A goal's progress: a bar, filled as far as the runner has come.
  const shareBar = (barWidth: number, barHeight: number): CardNode | null =>
    input.share === null
      ? null
      : box({ width: barWidth, height: barHeight, borderRadius: barHeight / 2, backgroundColor: mix(style.background, style.accent, 0.25), flexShrink: 0 }, [
          box({ width: Math.max(barHeight, Math.round(barWidth * input.share)), height: barHeight, borderRadius: barHeight / 2, backgroundColor: style.accent }),
        ]);
  const routeNode = (routeHeight: number): CardNode | null =>
    input.route ? svgImage(routeSvg(input.route, { width: layout.routeWidth, height: routeHeight }, style.accent), layout.routeWidth, routeHeight) : null;

  const footer = box({ alignItems: 'flex-end', justifyContent: 'space-between' }, [
    text(input.name, { ...SHRINKS, fontSize: layout.footer, fontWeight: 700, color: style.ink, ...clampStyle(1) }),
    input.site
      ? // The address is what people type: it keeps its natural width (up to 70%), the name takes the rest.
        text(input.site, {
          flexShrink: 1, minWidth: 0, maxWidth: Math.round(contentWidth * 0.7), marginLeft: 24, fontSize: layout.footer,
          fontWeight: 500, color: style.accent, textAlign: 'right', ...clampStyle(1),
        })
      : null,
  ]);

  const emblem = svgImage(iconSvg(input.theme, mix(style.background, style.accent, 0.22)), layout.emblem, layout.emblem);

  let sections: Array<CardNode | null>;
  if (layout.sparkBeside) {
    const middle = routeBeside || emblemBeside
      ? box({ alignItems: 'center', justifyContent: 'space-between' }, [
          box({ flexDirection: 'column', gap: layout.gap, width: textWidth }, [headlineNode, figureBlock]),
          routeBeside ? routeNode(layout.routeHeight) : emblem,
        ])
      : box({ flexDirection: 'column', gap: layout.gap }, [
          headlineNode,
          box({ alignItems: 'flex-end', justifyContent: 'space-between' }, [
            figureBlock,
            sparkBeside ? sparkNode(layout.sparkHeight) : null,
            barBeside ? box({ marginBottom: layout.gap }, [shareBar(layout.sparkWidth, Math.round(layout.detail * 1.1))]) : null,
          ]),
        ]);
    sections = [header, middle, footer];
  } else {
    // Portrait: the run's own drawings fill the band between the words and the footer; without
    // any, the family's icon does, large and faint, so a tall card never has a hole in it.
    const both = input.route !== null && input.spark !== null;
    const room = layout.fillDrawing ? await drawingRoom(input, layout, height, { textWidth, figureWidth, headline, figure, family, measure }) : null;
    const caption = input.spark?.label ? Math.round(layout.footer * 0.85 * 1.3) + 8 : 0;
    const routeHeight = room === null ? (both ? Math.round(layout.routeHeight * 0.7) : layout.routeHeight) : both ? Math.round(room * 0.6) : room;
    const sparkHeight =
      room === null
        ? both ? Math.round(layout.sparkHeight * 0.8) : layout.sparkHeight
        : Math.min(both ? room - routeHeight - layout.gap * 1.5 - caption : room - caption, Math.round(layout.sparkWidth * 0.62));
    const barHeight = Math.round(layout.detail * 2.4);
    // A goal's bar is thin: on a tall card, the family's icon fills the rest of the room under it.
    const emblemRoom = room === null ? null : input.share !== null ? room - barHeight - layout.gap * 3 : room;
    // A streak's squares take the height they need; the rest goes to the space between sections.
    const streakHeight = room !== null && input.spark?.streak ? streakLayout(input.spark.streak, { width: layout.sparkWidth, height: sparkHeight }) : null;
    const drawnSparkHeight = streakHeight ? Math.ceil(streakHeight.rows * streakHeight.pitch) : sparkHeight;
    const emblemSize = emblemRoom === null ? layout.emblem : Math.min(emblemRoom, contentWidth);
    const bigEmblem = emblemSize === layout.emblem ? emblem : svgImage(iconSvg(input.theme, mix(style.background, style.accent, 0.22)), emblemSize, emblemSize);
    const drawing =
      input.route || input.spark
        ? box({ flexDirection: 'column', alignItems: 'center', gap: layout.gap * 1.5 }, [routeNode(routeHeight), sparkNode(drawnSparkHeight)])
        : input.share !== null
          ? box({ flexDirection: 'column', alignItems: 'center', gap: layout.gap * 3 }, [
              shareBar(contentWidth, barHeight),
              room !== null && emblemSize >= layout.emblem / 2 ? bigEmblem : null,
            ])
          : box({ justifyContent: 'center' }, [bigEmblem]);
    sections = [header, box({ flexDirection: 'column', gap: layout.gap }, [headlineNode, figureBlock]), drawing, footer];
  }

  return box(
    {
      width, height, boxSizing: 'border-box', flexDirection: 'column', justifyContent: 'space-between',
      padding: `${layout.padTop}px ${layout.padX}px ${layout.padBottom}px`,
      backgroundColor: style.background, color: style.ink, fontFamily: family,
    },
    sections,
  );
}
