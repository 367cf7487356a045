import { describe, expect, it } from 'vitest';
import { describeMachine, formatMarkdownTable, formatTextTable, formatValue } from './table';
import { sampleResults } from './testResults';

describe('formatValue', () => {
  it.each([
    { value: null, unit: 'ms', text: '—' },
    { value: 9.04, unit: 'ms', text: '9.0 ms' },
    { value: 15.96, unit: 'ms', text: '16.0 ms' },
    { value: 16, unit: 'ms', text: '16 ms' },
    { value: 177.3, unit: 'kB', text: '177 kB' },
    { value: 1500.4, unit: 'ms', text: '1,500 ms' },
    { value: 0, unit: '', text: '0' },
    { value: -0.25, unit: 'ms', text: '-0.3 ms' },
  ])('$value $unit → "$text"', ({ value, unit, text }) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

describe('formatTextTable', () => {
  const table = formatTextTable(sampleResults().verdicts);
  const lines = table.split('\n');

  it('has a header, a rule and one line per figure', () => {
    expect(lines[0]).toMatch(/^Figure\s+Value\s+Target \(DESIGN §9\)\s+Result\s+Detail$/);
    expect(lines[1]).toMatch(/^-+( +-+){4}$/);
    expect(lines).toHaveLength(2 + sampleResults().verdicts.length);
  });

  it('lines up the columns', () => {
    const valueColumn = (lines[0] ?? '').indexOf('Value');
    for (const line of lines.slice(2)) expect(line.charAt(valueColumn - 1)).toBe(' ');
    expect(lines.find((line) => line.startsWith('Dial overhead p99 — IOVOX'))).toMatch(/20 ms\s+≤ 16 ms\s+MISSED/);
  });

  it('says met and MISSED, and leaves informational figures without a result', () => {
    expect(lines.find((line) => line.startsWith('Renderer bundle'))).toMatch(/177 kB\s+≤ 250 kB\s+met/);
    expect(lines.find((line) => line.startsWith('Main process RSS'))).toMatch(/^Main process RSS\s+118 MB\s+—$/);
  });
});

describe('formatMarkdownTable', () => {
  it('is a Markdown table with missed figures in bold and pipes escaped', () => {
    const results = sampleResults();
    const verdicts = results.verdicts.map((verdict) => (verdict.key === 'startupMs' ? { ...verdict, note: 'a | b' } : verdict));
    const markdown = formatMarkdownTable(verdicts).split('\n');
    expect(markdown[0]).toBe('| Figure | Value | Target (DESIGN §9) | Result | Detail |');
    expect(markdown[1]).toBe('|---|---|---|---|---|');
    expect(markdown.find((line) => line.includes('IOVOX'))).toContain('| **missed** |');
    expect(markdown.find((line) => line.startsWith('| Start'))).toContain('a \\| b');
  });
});

describe('describeMachine', () => {
  it('names the processor, cores, memory, system, versions and load', () => {
    expect(describeMachine(sampleResults().machine)).toBe(
      'AMD EPYC, 2 cores, 23.5 GB RAM, Debian GNU/Linux 12 (bookworm), Node v20.20.2, Chromium 156.0.8078.79, load 0.50 at start',
    );
    expect(describeMachine({ ...sampleResults().machine, loadAverage1mAtEnd: 3.25 })).toMatch(/load 0\.50 at start, 3\.25 at end$/);
  });
});
