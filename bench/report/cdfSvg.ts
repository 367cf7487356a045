import { percentile, sortedCopy } from '../analysis/percentiles';

export interface Series {
  name: string;
  samples: readonly number[];
}

export interface CdfChart {
  title: string;
  series: readonly Series[];
  /** Drawn as a vertical dashed line. */
  targetMs?: number;
}

/** Colour-blind-safe (Okabe–Ito), in series order. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;

const WIDTH = 640;
const MARGIN = { left: 52, right: 20, top: 34, bottom: 46 } as const;
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = 220;
/** The legend sits under the plot, one line per series, so it never hides a curve. */
const LEGEND_LINE = 16;
const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A step of 1, 2 or 5 × 10^k giving about `count` intervals over `span`. */
export function niceStep(span: number, count = 6): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw);
  return step ?? 10 * magnitude;
}

/**
 * The x range: from 0 (or the smallest sample when negative) to a round value past both the
 * target and every series' p99, so the tail that matters is visible; the few samples beyond
 * it are counted in the chart rather than stretching it.
 */
export function xRange(chart: CdfChart): { min: number; max: number; step: number } {
  const nonEmpty = chart.series.filter((series) => series.samples.length > 0);
  const lowest = Math.min(0, ...nonEmpty.map((series) => Math.min(...series.samples)));
  const p99s = nonEmpty.map((series) => percentile(sortedCopy(series.samples), 99));
  const reach = Math.max(chart.targetMs ?? 0, ...p99s, 1) * 1.15 - lowest;
  const step = niceStep(reach);
  return { min: Math.floor(lowest / step) * step, max: Math.floor(lowest / step) * step + Math.ceil(reach / step) * step, step };
}

/**
 * The empirical CDF as a step path in pixel space. Points sharing a pixel column are merged
 * (only the highest is kept), so 10,000 samples make a path of at most a few hundred steps.
 */
export function cdfPath(sorted: readonly number[], toX: (value: number) => number, toY: (fraction: number) => number): string {
  if (sorted.length === 0) return '';
  const columns: { x: number; y: number }[] = [];
  sorted.forEach((value, index) => {
    const x = Math.round(toX(value) * 2) / 2;
    const y = toY((index + 1) / sorted.length);
    const lastColumn = columns[columns.length - 1];
    if (lastColumn && lastColumn.x === x) lastColumn.y = y;
    else columns.push({ x, y });
  });
  const round = (value: number): number => Math.round(value * 100) / 100;
  const first = columns[0] as { x: number; y: number };
  const parts = [`M${first.x} ${round(toY(0))}`, `V${round(first.y)}`];
  for (const column of columns.slice(1)) parts.push(`H${column.x}`, `V${round(column.y)}`);
  return parts.join(' ');
}

/** A self-contained SVG (presentation attributes only, no script, no style element) of one CDF chart. */
export function cdfSvg(chart: CdfChart): string {
  const range = xRange(chart);
  const clamp = (value: number): number => Math.min(range.max, Math.max(range.min, value));
  const toX = (value: number): number => MARGIN.left + ((clamp(value) - range.min) / (range.max - range.min)) * PLOT_W;
  const toY = (fraction: number): number => MARGIN.top + (1 - fraction) * PLOT_H;
  const parts: string[] = [];

  parts.push(`<text x="${MARGIN.left}" y="20" ${FONT} font-size="14" font-weight="bold" fill="#222">${escapeXml(chart.title)}</text>`);
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const y = toY(fraction);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT_W}" y1="${y}" y2="${y}" stroke="#e3e3e3" stroke-width="1"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y + 4}" ${FONT} font-size="10" fill="#555" text-anchor="end">${Math.round(fraction * 100)}%</text>`);
  }
  // The percentile the targets are set on, labelled inside the plot where 100% would crowd it.
  const p99 = toY(0.99);
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT_W}" y1="${p99}" y2="${p99}" stroke="#bbbbbb" stroke-width="1" stroke-dasharray="2 3"/>`);
  parts.push(`<text x="${MARGIN.left + PLOT_W - 4}" y="${p99 + 11}" ${FONT} font-size="9" fill="#777" text-anchor="end">p99</text>`);
  for (let value = range.min; value <= range.max + range.step / 2; value += range.step) {
    const x = toX(value);
    parts.push(`<line x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_H}" stroke="#f0f0f0" stroke-width="1"/>`);
    parts.push(`<text x="${x}" y="${MARGIN.top + PLOT_H + 16}" ${FONT} font-size="10" fill="#555" text-anchor="middle">${Number(value.toPrecision(6))}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + PLOT_W / 2}" y="${MARGIN.top + PLOT_H + 32}" ${FONT} font-size="11" fill="#333" text-anchor="middle">milliseconds</text>`);
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="#999" stroke-width="1"/>`);

  if (chart.targetMs !== undefined) {
    const x = toX(chart.targetMs);
    parts.push(`<line x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_H}" stroke="#B00020" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    // Labelled on the side with room: to the right of a line in the left half of the plot.
    const rightSide = x < MARGIN.left + PLOT_W / 2;
    parts.push(
      `<text x="${rightSide ? x + 4 : x - 4}" y="${MARGIN.top + PLOT_H / 2}" ${FONT} font-size="10" fill="#B00020" text-anchor="${rightSide ? 'start' : 'end'}">target ${chart.targetMs} ms</text>`,
    );
  }

  chart.series.forEach((series, index) => {
    const colour = PALETTE[index % PALETTE.length] as string;
    const sorted = sortedCopy(series.samples);
    if (sorted.length > 0) parts.push(`<path d="${cdfPath(sorted, toX, toY)}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    const beyond = sorted.filter((value) => value > range.max).length;
    const summary =
      sorted.length === 0
        ? `${series.name}: no samples`
        : `${series.name}: p50 ${percentile(sorted, 50).toFixed(1)} · p99 ${percentile(sorted, 99).toFixed(1)} ms · n ${sorted.length}${beyond > 0 ? ` · ${beyond} beyond the axis` : ''}`;
    const y = MARGIN.top + PLOT_H + MARGIN.bottom + index * LEGEND_LINE;
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + 18}" y1="${y - 4}" y2="${y - 4}" stroke="${colour}" stroke-width="3"/>`);
    parts.push(`<text x="${MARGIN.left + 24}" y="${y}" ${FONT} font-size="11" fill="#222">${escapeXml(summary)}</text>`);
  });

  const height = MARGIN.top + PLOT_H + MARGIN.bottom + chart.series.length * LEGEND_LINE;
  const label = `${chart.title}: cumulative distribution`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(label)}"><rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
}
