/** A DESIGN §9 target: the measured value must be at most (or exactly) the limit. */
export interface Target {
  comparison: 'at-most' | 'equals';
  limit: number;
}

export type Status = 'met' | 'missed' | 'not measured' | 'info';

/** One line of the verdict table. */
export interface Figure {
  /** Path of the figure in latest.json, e.g. `dialOverheadMs.genesys.p99`. */
  key: string;
  label: string;
  value: number | null;
  unit: string;
  target?: Target;
  /** Why a figure has no value, or what qualifies it. */
  note?: string;
  /** Shown instead of the value, for a bound rather than a number ("< 50 ms"). */
  display?: string;
}

export interface Verdict extends Figure {
  status: Status;
}

/** DESIGN §9, as numbers. */
export const TARGETS = {
  dialOverheadP99Ms: { comparison: 'at-most', limit: 16 },
  eventToScreenP99Ms: { comparison: 'at-most', limit: 50 },
  burstP99Ms: { comparison: 'at-most', limit: 250 },
  burstDropped: { comparison: 'equals', limit: 0 },
  startupMs: { comparison: 'at-most', limit: 1500 },
  bundleGzipKB: { comparison: 'at-most', limit: 250 },
  heapMB10kHistory: { comparison: 'at-most', limit: 60 },
} as const satisfies Record<string, Target>;

export function meets(value: number, target: Target): boolean {
  return target.comparison === 'at-most' ? value <= target.limit : value === target.limit;
}

export function judge(figure: Figure): Verdict {
  if (figure.value === null || !Number.isFinite(figure.value)) return { ...figure, status: figure.display !== undefined && !figure.target ? 'info' : 'not measured' };
  if (!figure.target) return { ...figure, status: 'info' };
  return { ...figure, status: meets(figure.value, figure.target) ? 'met' : 'missed' };
}

export function describeTarget(target: Target | undefined, unit: string): string {
  if (!target) return '—';
  const unitText = unit ? ` ${unit}` : '';
  return target.comparison === 'at-most' ? `≤ ${target.limit}${unitText}` : `= ${target.limit}${unitText}`;
}
