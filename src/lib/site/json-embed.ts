/**
 * JSON safe to embed in `<script type="application/json">`: `<` cannot close the element and the
 * line separators U+2028/U+2029 cannot break a script; `JSON.parse` reads it back unchanged.
 */
export function embedJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
