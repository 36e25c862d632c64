// The data a chart.js chart on /progress/ needs, as plain JSON embedded in the page: the server
// builds it (and the accessible table from the same numbers), the client only draws it.

/** How values read: distance in the profile's unit, durations as m:ss, pace as m:ss per unit. */
export type ValueFormat = 'distance' | 'duration' | 'pace';

export interface ChartDataset {
  label: string;
  /** A family colour variable (`--speed`) or `--accent`. */
  color: string;
  /** Category charts: one value per label (null = no value). */
  values?: Array<number | null>;
  /** Day charts: x is a day number (days since 1970-01-01). */
  points?: Array<{ x: number; y: number }>;
  /** Drawn as marks without a line (milestones). */
  marks?: boolean;
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  x: 'category' | 'day';
  format: ValueFormat;
  units: 'km' | 'mi';
  locale: string;
  /** Category labels (`YYYY-MM-DD` weeks, `YYYY-MM` months). */
  labels?: string[];
  datasets: ChartDataset[];
  /** A record holds until it is beaten. */
  stepped?: boolean;
  /** Lower is better (times): the axis runs downwards so progress climbs. */
  reverse?: boolean;
}
