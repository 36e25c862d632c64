const NON_ASCII = /[^\x00-\x7f]/;

/** Lowercase, URL-safe, accents folded: `Half Marathon — Ås` → `half-marathon-as`. */
export function slugify(text: string): string {
  // Plain ASCII has nothing to fold: skip Unicode normalisation (most titles; the engine slugs thousands).
  const folded = NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  return folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
