import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeXml } from './cdfSvg';
import { reportCsp, reportHtml } from './htmlReport';
import { sampleResults } from './testResults';

describe('reportHtml', () => {
  const html = reportHtml(sampleResults());

  it('declares a strict CSP whose only allowance is its own stylesheet, by hash', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(reportCsp()).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src data:`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeXml(reportCsp())}">`);
  });

  it('loads and runs nothing: no script, no external resource, no inline style attribute or handler', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\sstyle=|\son[a-z]+=|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
  });

  it('has the verdict table and a CDF chart for dial overhead, event to screen and the burst', () => {
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('<td class="missed">missed</td>');
    expect(html).toContain('Dial overhead p99 — IOVOX');
    for (const vendor of ['Genesys Web Services', 'Huawei CC-Gateway', 'Vonage Contact Center', 'IOVOX', 'Oracle Click-to-Call']) expect(html).toContain(`${vendor}: p50`);
  });

  it('lists measurement errors when there were any', () => {
    expect(html).not.toContain('Measurement errors');
    expect(reportHtml(sampleResults({ errors: ['burst: <timed out>'] }))).toContain('<li>burst: &lt;timed out&gt;</li>');
  });

  it('says when a run was a quick one', () => {
    expect(reportHtml(sampleResults({ mode: 'quick' }))).toContain('quick mode');
  });

  it('leaves out the charts of measurements that did not run', () => {
    expect(reportHtml(sampleResults({ burst: null, eventToScreenMs: {} })).match(/<svg /g)).toHaveLength(1);
  });
});
