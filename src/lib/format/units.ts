// Where numbers become words: metres and seconds inside, km/mi and h:mm:ss only here.
export type DistanceUnit = 'km' | 'mi';

export const METRES_PER_KM = 1000;
export const METRES_PER_MILE = 1609.344;

// Building an Intl.NumberFormat costs far more than using one: keep one per locale and options.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${options.minimumFractionDigits ?? ''}|${options.maximumFractionDigits ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function metresPerUnit(unit: DistanceUnit): number {
  return unit === 'mi' ? METRES_PER_MILE : METRES_PER_KM;
}

/** Metres in the profile's unit, as a number (no rounding). */
export function toUnit(metres: number, unit: DistanceUnit): number {
  return metres / metresPerUnit(unit);
}

/**
 * `12.4 km`, `3.1 mi`, `1,000 km`. Whole figures lose their decimals so rungs read naturally;
 * `locale` only changes separators.
 */
export function formatDistance(
  metres: number,
  unit: DistanceUnit,
  options: { decimals?: number; locale?: string } = {},
): string {
  const value = toUnit(metres, unit);
  const decimals = options.decimals ?? (value >= 100 ? 0 : 1);
  const rounded = Number(value.toFixed(decimals));
  const shown = numberFormat(options.locale ?? 'en', {
    minimumFractionDigits: Number.isInteger(rounded) ? 0 : decimals,
    maximumFractionDigits: decimals,
  }).format(rounded);
  return `${shown} ${unit}`;
}

/** Seconds as `h:mm:ss` or `m:ss`, rounded to the nearest second. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Pace per km or mile, `m:ss /km`. */
export function formatPace(metres: number, seconds: number, unit: DistanceUnit): string {
  const perUnit = seconds / toUnit(metres, unit);
  return `${formatDuration(perUnit)} /${unit}`;
}

/** Metres of climbing: `420 m` (or feet for a mi profile). */
export function formatElevation(metres: number, unit: DistanceUnit): string {
  if (unit === 'mi') return `${Math.round(metres / 0.3048).toLocaleString('en')} ft`;
  return `${Math.round(metres).toLocaleString('en')} m`;
}

export function formatTemperature(celsius: number): string {
  return `${Math.round(celsius)} °C`;
}

export function formatCount(value: number, locale = 'en'): string {
  return numberFormat(locale).format(value);
}
