// Journal text on its way into XML and HTML written by hand (the feed, SVG files): what XML cannot
// hold is dropped, and what HTML would read as markup is escaped.

/**
 * Characters no XML 1.0 document may hold, not even as a character reference: C0 controls other
 * than tab, line feed and carriage return, U+FFFE, U+FFFF and lone surrogates.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` less the characters XML forbids (a NUL or an escape typed into a title): everything else as written. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` as HTML that shows it as written (`<script>` as those characters), fit for XML too. */
export function htmlText(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!);
}
