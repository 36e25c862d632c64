// Draws every `[data-chart]` on the page with chart.js (only the pieces used are bundled).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { dateOfDayNumber, formatDate, formatMonth } from '../lib/format/dates.ts';
import { formatDuration } from '../lib/format/units.ts';
import type { ChartSpec } from '../lib/site/chart-spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend, Filler);

/** Tick labels stay readable on a phone (at least 11 px). */
const TICK_FONT_SIZE = 12;

function formatter(spec: ChartSpec): (value: number) => string {
  if (spec.format === 'distance') return (v) => `${v.toLocaleString(spec.locale, { maximumFractionDigits: 1 })} ${spec.units}`;
  if (spec.format === 'pace') return (v) => `${formatDuration(v)} /${spec.units}`;
  return (v) => formatDuration(v);
}

function labelFor(spec: ChartSpec, value: string): string {
  return /^\d{4}-\d{2}$/.test(value) ? formatMonth(value, spec.locale) : formatDate(value, spec.locale, 'medium');
}

/** Round steps for time axes (m:ss), so ticks read 25:00, 30:00 rather than 33:20. */
function timeStep(spec: ChartSpec): number | undefined {
  if (spec.format === 'distance') return undefined;
  const values = spec.datasets.flatMap((d) => [...(d.values ?? []), ...(d.points ?? []).map((p) => p.y)]).filter((v): v is number => v !== null);
  if (values.length === 0) return undefined;
  const range = Math.max(...values) - Math.min(...values);
  return [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].find((step) => range / step <= 4) ?? 7200;
}

export function chartConfig(spec: ChartSpec, css: (name: string) => string): ChartConfiguration {
  const format = formatter(spec);
  const ink = css('--muted');
  const grid = css('--line');
  const datasets = spec.datasets.map((d) => {
    const color = css(d.color) || css('--accent');
    return {
      label: d.label,
      data: (spec.x === 'category' ? d.values ?? [] : d.points ?? []) as never,
      backgroundColor: color,
      borderColor: color,
      borderWidth: spec.kind === 'bar' ? 0 : 2,
      borderRadius: spec.kind === 'bar' ? 3 : 0,
      pointRadius: d.marks ? 5 : spec.kind === 'line' ? 2 : 0,
      pointHoverRadius: 6,
      showLine: !d.marks,
      stepped: spec.stepped ? ('before' as const) : false,
      spanGaps: true,
      order: d.marks ? 0 : 1,
      // The first and last markers sit on the plot's edge: drawn whole, in the layout padding.
      clip: false as const,
    };
  });
  // Day axes end at the data, not at chart.js's rounded ticks.
  const days = spec.datasets.flatMap((d) => (d.points ?? []).map((p) => p.x));
  const dayRange = days.length > 0 ? { min: Math.min(...days), max: Math.max(...days) } : {};
  return {
    type: spec.kind,
    data: { labels: spec.x === 'category' ? (spec.labels ?? []).map((l) => labelFor(spec, l)) : undefined, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: 8, right: 10, bottom: 0, left: 4 } },
      interaction: { mode: 'nearest', intersect: false },
      plugins: {
        legend: { display: spec.datasets.length > 1, labels: { color: ink, boxWidth: 12 } },
        tooltip: {
          callbacks: {
            title: (items) => {
              const item = items[0];
              if (!item) return '';
              return spec.x === 'day' ? formatDate(dateOfDayNumber((item.raw as { x: number }).x), spec.locale, 'medium') : item.label;
            },
            label: (item) => `${item.dataset.label}: ${format(spec.x === 'day' ? (item.raw as { y: number }).y : (item.raw as number))}`,
          },
        },
      },
      scales: {
        x: {
          type: spec.x === 'day' ? 'linear' : 'category',
          ...(spec.x === 'day' ? dayRange : {}),
          grid: { display: false },
          ticks: {
            color: ink,
            font: { size: TICK_FONT_SIZE },
            maxRotation: 0,
            autoSkipPadding: 16,
            ...(spec.x === 'day' ? { callback: (v: string | number) => formatDate(dateOfDayNumber(Math.round(Number(v))), spec.locale, 'medium') } : {}),
          },
        },
        y: {
          reverse: spec.reverse ?? false,
          beginAtZero: spec.format === 'distance',
          grid: { color: grid },
          ticks: { color: ink, font: { size: TICK_FONT_SIZE }, maxTicksLimit: 6, stepSize: timeStep(spec), callback: (v: string | number) => format(Number(v)) },
        },
      },
    },
  };
}

export function drawCharts(root: Document): void {
  const style = getComputedStyle(root.documentElement);
  const css = (name: string) => style.getPropertyValue(name).trim();
  for (const figure of root.querySelectorAll<HTMLElement>('[data-chart]')) {
    const canvas = figure.querySelector('canvas');
    const data = figure.querySelector('script[data-chart-spec]');
    if (!canvas || !data?.textContent || figure.dataset.drawn) continue;
    figure.dataset.drawn = 'true';
    const chart = new Chart(canvas, chartConfig(JSON.parse(data.textContent) as ChartSpec, css));
    // Its laid-out scales can be read from the page (the browser test checks every label fits).
    Object.defineProperty(canvas, 'chart', { value: chart });
  }
}
