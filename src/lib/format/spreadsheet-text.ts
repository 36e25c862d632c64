// A CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
// a spreadsheet that opens the file (OWASP's CSV injection): a title copied from an export could
// fetch a URL or run a command. Text the tools write into a journal CSV gets a single quote in
// front, which every spreadsheet shows as text, and the reader takes exactly that quote off again,
// so the value reads back as it was. A value that already starts with quotes before such a
// character gets one more, so it reads back with all of its own.

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell as written by a tool: a formula start behind one single quote. */
export function guardSpreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The cell as the runner meant it: the one quote `guardSpreadsheetText` put in front taken off. */
export function unguardSpreadsheetText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}
