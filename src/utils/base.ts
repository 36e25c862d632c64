// Base-path-safe links (the pattern of Starlight's utils/base.ts): GitHub Pages project sites live
// under `/<repo>/`, so no page may write a bare `/...` href.

/** The placeholder origin for absolute URLs when neither `--site` nor the profile's `site` is set. */
export const PLACEHOLDER_SITE = 'https://example.com';

function stripLeadingSlash(path: string): string {
  return path.replace(/^\/+/, '');
}

function ensureTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** `joinBase('/repo/', 'wins/x/')` → `/repo/wins/x/`; the base always ends up with one slash. */
export function joinBase(base: string, path = ''): string {
  return ensureTrailingSlash(`/${stripLeadingSlash(base)}`) + stripLeadingSlash(path);
}

/** A page link: always ends with `/` (the site is built with `trailingSlash: 'always'`). */
export function pathWithBase(path = '', base: string = import.meta.env.BASE_URL): string {
  const joined = joinBase(base, path);
  const [pathname, hash] = joined.split('#', 2) as [string, string | undefined];
  const withSlash = /\.[a-z0-9]+$/i.test(pathname) ? pathname : ensureTrailingSlash(pathname);
  return hash === undefined ? withSlash : `${withSlash}#${hash}`;
}

/** A file link (`rss.xml`, `wins/x/card-1200x630.png`): no trailing slash added. */
export function fileWithBase(path: string, base: string = import.meta.env.BASE_URL): string {
  return joinBase(base, path);
}

/**
 * An absolute URL for canonical links, feeds and share images: the site (with any path it has)
 * joined to a path that already holds the base. A site path the base repeats is not doubled, so
 * `--site https://ana.github.io/repo --base /repo/` and `--site https://ana.github.io` agree.
 */
export function absoluteUrl(pathWithBaseAlready: string, site: URL | string | undefined | null): string {
  const url = new URL(site ? String(site) : PLACEHOLDER_SITE);
  const sitePath = url.pathname.replace(/\/+$/, '');
  const path = `/${stripLeadingSlash(pathWithBaseAlready)}`;
  const prefix = sitePath && !`${path}/`.startsWith(`${sitePath}/`) ? sitePath : '';
  return `${url.origin}${prefix}${path}`;
}
