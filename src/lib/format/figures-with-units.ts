// A number held to the unit or count word after it ("4 km", "24 days", "1,000 km", "20 °C"): the
// one rule for where a line may not break, used by the share cards' titles and the pages' text.

// The units and count words a formatted figure ends in; a longer word ("mountains") is no unit.
const FIGURE_AND_UNIT = /(\d) (?=(?:km|mi|m|ft|min|h|s|K|°C|°F|days?|weeks?|months?|years?|runs?|\/km|\/mi)(?![\p{L}\p{N}]))/gu;

/** `text` with a no-break space between each number and its unit, so a wrap never ends a line on "4" and starts the next with "km". */
export function keepFiguresWithUnits(text: string): string {
  return text.replace(FIGURE_AND_UNIT, '$1\u00A0');
}
