import { describeTarget, type Verdict } from '../analysis/targets';
import type { Machine } from './results';

/** A figure for people: one decimal under 100, whole numbers above, `—` when absent. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const digits = Math.abs(value) < 100 && !Number.isInteger(value) ? 1 : 0;
  const text = value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

const STATUS_TEXT: Record<Verdict['status'], string> = { met: 'met', missed: 'MISSED', 'not measured': 'not measured', info: '' };

/** The value column: a bound where the figure has one ("< 50 ms"), else the number. */
export const valueText = (verdict: Verdict): string => verdict.display ?? formatValue(verdict.value, verdict.unit);

function rows(verdicts: readonly Verdict[]): string[][] {
  return verdicts.map((verdict) => [
    verdict.label,
    valueText(verdict),
    describeTarget(verdict.target, verdict.unit.startsWith('of') ? '' : verdict.unit),
    STATUS_TEXT[verdict.status],
    verdict.note ?? '',
  ]);
}

const HEADER = ['Figure', 'Value', 'Target (DESIGN §9)', 'Result', 'Detail'];

/** The verdicts as a fixed-width text table for the terminal. */
export function formatTextTable(verdicts: readonly Verdict[]): string {
  const body = rows(verdicts);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(HEADER), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

const escapeMarkdown = (text: string): string => text.replace(/\|/g, '\\|');

/** The same table in Markdown, for the README. */
export function formatMarkdownTable(verdicts: readonly Verdict[]): string {
  const body = rows(verdicts).map((row) => row.map((cell, column) => (column === 3 && cell === 'MISSED' ? '**missed**' : escapeMarkdown(cell))));
  return [`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

export function describeMachine(machine: Machine): string {
  const load = `load ${machine.loadAverage1m.toFixed(2)} at start${machine.loadAverage1mAtEnd === undefined ? '' : `, ${machine.loadAverage1mAtEnd.toFixed(2)} at end`}`;
  return `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGB} GB RAM, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}, ${load}`;
}
