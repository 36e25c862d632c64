// The three share-card formats and where each lands beside a page.

export type CardFormat = '1200x630' | '1080x1350' | '1080x1920';

export const CARD_FORMATS: readonly CardFormat[] = ['1200x630', '1080x1350', '1080x1920'];

export interface CardSize {
  width: number;
  height: number;
}

export const CARD_SIZE: Record<CardFormat, CardSize> = {
  // Open Graph / Twitter summary_large_image.
  '1200x630': { width: 1200, height: 630 },
  // Instagram feed portrait (4:5).
  '1080x1350': { width: 1080, height: 1350 },
  // Stories (9:16).
  '1080x1920': { width: 1080, height: 1920 },
};

/** `card-1200x630.png`: the stable file name pages link to. */
export function cardFileName(format: CardFormat): string {
  return `card-${format}.png`;
}

export function isCardFormat(value: string): value is CardFormat {
  return (CARD_FORMATS as readonly string[]).includes(value);
}
