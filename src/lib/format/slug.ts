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

/**
 * A slugger for names in win slugs: `slugify`, cut to `maxChars` at no trailing dash, `fallback`
 * when nothing is left. It remembers the names it has slugged: a journal repeats its race names
 * and its own words thousands of times.
 */
export function createNameSlugger(maxChars: number, fallback: string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let slug = known.get(text);
    if (slug === undefined) {
      slug = slugify(text).slice(0, maxChars).replace(/-+$/, '') || fallback;
      known.set(text, slug);
    }
    return slug;
  };
}
