import { describe, expect, it } from 'vitest';
import { loadEmojiCoverage, tidyCardText } from '../../src/lib/cards/emoji.ts';
import { ROOT } from './helpers.ts';

const covered = loadEmojiCoverage(ROOT);

describe('tidyCardText', () => {
  it('keeps emoji the bundled font has', () => {
    expect(tidyCardText('Done 🎉', covered)).toBe('Done 🎉');
  });

  it('reduces sequences the monochrome font cannot join to their first pictograph', () => {
    expect(tidyCardText('Run 🏃‍♀️ fast', covered)).toBe('Run 🏃 fast');
    expect(tidyCardText('Thumbs 👍🏽', covered)).toBe('Thumbs 👍');
    expect(tidyCardText('Love ❤️', covered)).toBe('Love ❤');
  });

  it('drops keycaps and pictographs the font lacks', () => {
    expect(tidyCardText('Number 1️⃣ run', covered)).toBe('Number run');
    const none = () => false;
    expect(tidyCardText('Party 🎉 time', none)).toBe('Party time');
  });

  it('leaves letters of every script alone and cleans control characters', () => {
    expect(tidyCardText('Αθήνα\tМосква\u0000 Ærøskøbing  ©', covered)).toBe('Αθήνα Москва Ærøskøbing ©');
  });

  it('composes accents and removes format characters without a gap', () => {
    expect(tidyCardText('Cafe\u0301', covered)).toBe('Café');
    expect(tidyCardText('Mara\u00ADthon x\u200Dy \u200Fok', covered)).toBe('Marathon xy ok');
  });

  it('knows the font covers common emoji and not letters', () => {
    expect(covered(0x1f389)).toBe(true);
    expect(covered(0x1f3c3)).toBe(true);
    expect(covered(0x41)).toBe(false);
  });
});
