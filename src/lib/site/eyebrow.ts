// The line above a win's title: its family, then its kind, unless the kind only says the family
// again ("Races · Races", "Goals · Goal progress").
import { FAMILY_INFO, KIND_INFO, type WinFamily, type WinKind } from '../model/kinds.ts';

/** "volume" for "Volume", "race" for "Races": a label's first word, singular. */
function stem(label: string): string {
  return (label.split(' ')[0] ?? '').toLowerCase().replace(/s$/u, '');
}

/** "Consistency · Weekly streaks", or just "Races" where the kind's label echoes its family's. */
export function winEyebrow(family: WinFamily, kind: WinKind): string {
  const familyLabel = FAMILY_INFO[family].label;
  const kindLabel = KIND_INFO[kind]?.label ?? kind;
  return stem(kindLabel) === stem(familyLabel) ? familyLabel : `${familyLabel} · ${kindLabel}`;
}
