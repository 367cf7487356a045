import { describe, expect, it } from 'vitest';
import { cdfPath, cdfSvg, escapeXml, niceStep, xRange } from './cdfSvg';

describe('niceStep', () => {
  it.each([
    { span: 6, step: 1 },
    { span: 7, step: 2 },
    { span: 20, step: 5 },
    { span: 60, step: 10 },
    { span: 250, step: 50 },
    { span: 1_800, step: 500 },
    { span: 0.6, step: 0.1 },
    { span: 0, step: 1 },
  ])('$span → $step', ({ span, step }) => {
    expect(niceStep(span)).toBeCloseTo(step, 10);
  });
});

describe('xRange', () => {
  it('reaches past the target and every p99, in round steps', () => {
    const range = xRange({ title: 't', targetMs: 16, series: [{ name: 'a', samples: [1, 2, 3, 30] }, { name: 'b', samples: [2, 4] }] });
    expect(range.min).toBe(0);
    expect(range.max).toBeGreaterThanOrEqual(30);
    expect(range.max % range.step).toBe(0);
  });

  it('starts below zero when a sample is negative (an overhead under the baseline median)', () => {
    expect(xRange({ title: 't', series: [{ name: 'a', samples: [-1.5, 3] }] }).min).toBeLessThan(-1.5);
  });

  it('keeps a far tail out of the axis: it is counted in the legend instead', () => {
    const samples = [...Array.from({ length: 199 }, () => 5), 5_000];
    expect(xRange({ title: 't', targetMs: 16, series: [{ name: 'a', samples }] }).max).toBeLessThan(100);
  });
});

describe('cdfPath', () => {
  const toX = (value: number) => value * 10;
  const toY = (fraction: number) => 100 - fraction * 100;

  it('steps from 0 % up to 100 % at each sample', () => {
    expect(cdfPath([1, 2, 4], toX, toY)).toBe('M10 100 V66.67 H20 V33.33 H40 V0');
  });

  it('merges samples that fall in one pixel column, keeping the highest', () => {
    expect(cdfPath([1, 1.01, 1.02, 3], toX, toY)).toBe('M10 100 V25 H30 V0');
  });

  it('is empty without samples', () => {
    expect(cdfPath([], toX, toY)).toBe('');
  });
});

describe('cdfSvg', () => {
  const svg = cdfSvg({ title: 'Dial <overhead> & co', targetMs: 16, series: [{ name: 'Genesys', samples: [1, 2, 3, 4] }, { name: 'Empty', samples: [] }] });

  it('is a standalone SVG image with an accessible name', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img" aria-label="Dial &lt;overhead&gt; &amp; co: cumulative distribution"');
  });

  it('uses presentation attributes only: nothing a strict CSP blocks', () => {
    expect(svg).not.toMatch(/<script|<style|style=|\son[a-z]+=|href=/i);
  });

  it('draws one curve per series with samples, the target line and a legend line each', () => {
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain('target 16 ms');
    expect(svg).toContain('Genesys: p50 2.0 · p99 4.0 ms · n 4');
    expect(svg).toContain('Empty: no samples');
  });

  it('counts the samples beyond the axis', () => {
    const tail = cdfSvg({ title: 't', targetMs: 16, series: [{ name: 'a', samples: [...Array.from({ length: 199 }, () => 5), 5_000] }] });
    expect(tail).toContain('1 beyond the axis');
  });
});

describe('escapeXml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
