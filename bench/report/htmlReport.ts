import { createHash } from 'node:crypto';
import { VENDOR_LABELS, type Vendor } from '../../shared/callModel';
import { TARGETS, describeTarget, type Verdict } from '../analysis/targets';
import { cdfSvg, escapeXml, type Series } from './cdfSvg';
import type { BenchResults } from './results';
import { describeMachine, valueText } from './table';

const STYLE = `
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px auto;max-width:1340px;color:#222;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
p.meta{color:#555;margin:2px 0;font-size:13px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border:1px solid #d0d0d0;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}
td.met{color:#0b6b2e;font-weight:bold}td.missed{color:#B00020;font-weight:bold}td.not-measured{color:#8a5a00}
.charts{display:flex;flex-wrap:wrap;gap:12px}
.charts figure{margin:0;border:1px solid #e0e0e0}
ul.method{font-size:13px;color:#333;max-width:1100px}
`.trim();

/** The CSP the report declares for itself: nothing but its own stylesheet (by hash) runs or loads. */
export function reportCsp(style: string = STYLE): string {
  const hash = createHash('sha256').update(style).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:`;
}

function verdictRows(verdicts: readonly Verdict[]): string {
  return verdicts
    .map((verdict) => {
      const statusClass = verdict.status.replace(' ', '-');
      return `<tr><td>${escapeXml(verdict.label)}</td><td class="num">${escapeXml(valueText(verdict))}</td><td class="num">${escapeXml(
        describeTarget(verdict.target, verdict.unit.startsWith('of') ? '' : verdict.unit),
      )}</td><td class="${statusClass}">${escapeXml(verdict.status === 'info' ? '' : verdict.status)}</td><td>${escapeXml(verdict.note ?? '')}</td></tr>`;
    })
    .join('');
}

function figure(svg: string): string {
  return `<figure>${svg}</figure>`;
}

function vendorSeries<T>(entries: Partial<Record<Vendor, T>>, samples: (entry: T) => readonly number[]): Series[] {
  return (Object.keys(VENDOR_LABELS) as Vendor[]).flatMap((vendor) => {
    const entry = entries[vendor];
    return entry ? [{ name: VENDOR_LABELS[vendor], samples: samples(entry) }] : [];
  });
}

const METHOD = [
  'Dial overhead: Enter is timestamped in the page (capture-phase keydown listener); the emulator timestamps the vendor request when it arrives. From that end-to-end time the median of a baseline is subtracted: the same request (method, path, body, headers without credentials) sent straight from Node to the same emulator over a warm keep-alive connection, timed from send to arrival. Page times are moved onto the bench clock by an offset measured with round trips.',
  'Event to screen: the emulator timestamps each call-state change as it emits it (Genesys: CometD publication; Huawei: the event queued for the agent’s long poll); a MutationObserver in the page timestamps the moment the call’s article shows the new state label. Events are spaced (10 per second) so each is measured on its own.',
  'Burst: Genesys calls run through Dialing, Established/Held in turn and Released at the Genesys share of the rate; Huawei agents each hold a connected call that the emulator puts on hold and takes back, then the customer hangs up. A change reflected only by a newer state of the same call (both in one frame) is counted as superseded, not dropped; a change is dropped when it is missing from the call record the renderer received or never reached the screen. Once a finished call’s card leaves the panel (it keeps the five most recent finished calls), the renderer’s copy of the call is checked for its final state.',
  'Start: the shell process is spawned and the browser (already running) opens its URL; usable means the Phone number textbox is present, enabled and focused. The first launch warms the caches and is not counted; the figure is the median of the rest, the same port keeping the browser cache valid.',
  'Memory: the renderer’s JS heap after a forced garbage collection (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage) with the History view open on the seeded entries; the main process RSS is VmRSS of the shell process.',
];

/** The HTML report: self-contained, no script, inline SVG charts, a strict CSP that allows only its own stylesheet. */
export function reportHtml(results: BenchResults): string {
  const dialSeries = vendorSeries(results.dialOverheadMs, (entry) => entry.samples);
  const screenSeries = vendorSeries(results.eventToScreenMs, (entry) => entry.samples);
  const burstSeries = results.burst ? vendorSeries(results.burst.samples, (samples) => samples) : [];
  const charts = [
    dialSeries.length > 0 ? figure(cdfSvg({ title: 'Dial overhead (Enter → vendor request, minus baseline)', series: dialSeries, targetMs: TARGETS.dialOverheadP99Ms.limit })) : '',
    screenSeries.length > 0 ? figure(cdfSvg({ title: 'Event to screen (one event at a time)', series: screenSeries, targetMs: TARGETS.eventToScreenP99Ms.limit })) : '',
    burstSeries.length > 0 ? figure(cdfSvg({ title: 'Event to screen during the burst', series: burstSeries, targetMs: TARGETS.burstP99Ms.limit })) : '',
  ].join('');
  const burst = results.burst;
  const burstLine = burst
    ? `<p class="meta">Burst: ${burst.calls} calls (${burst.callsByVendor.genesys} Genesys, ${burst.callsByVendor.huawei} Huawei), ${burst.events.toLocaleString('en-GB')} state changes in ${burst.durationS.toFixed(1)} s (${Math.round(burst.eventsPerSecond)}/s); ${burst.superseded} superseded within a frame; final state shown on screen for ${burst.finalStateShown}, checked in the renderer's copy for the ${burst.finalStateLeftPanel} whose card had left the panel; longest gap between frames ${burst.longestFrameGapMs.toFixed(0)} ms.</p>`
    : '';
  const errors = results.errors.length > 0 ? `<h2>Measurement errors</h2><ul>${results.errors.map((error) => `<li>${escapeXml(error)}</li>`).join('')}</ul>` : '';
  const startup = results.startupSamplesMs.length > 0 ? `<p class="meta">Start-up samples: ${results.startupSamplesMs.map((value) => value.toFixed(0)).join(', ')} ms (median reported).</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(reportCsp())}">
<title>Agent Softphone benchmark</title>
<style>${STYLE}</style></head>
<body>
<h1>Agent Softphone benchmark${results.mode === 'quick' ? ' (quick mode: small samples, not for comparison)' : ''}</h1>
<p class="meta">${escapeXml(results.startedAt)} · ${escapeXml(describeMachine(results.machine))} · ran ${results.durationS.toFixed(0)} s</p>
<h2>Figures against the targets of DESIGN §9</h2>
<table><thead><tr><th>Figure</th><th>Value</th><th>Target</th><th>Result</th><th>Detail</th></tr></thead><tbody>${verdictRows(results.verdicts)}</tbody></table>
${burstLine}${startup}
<h2>Latency distributions</h2>
<div class="charts">${charts}</div>
${errors}
<h2>How each figure is measured</h2>
<ul class="method">${METHOD.map((line) => `<li>${escapeXml(line)}</li>`).join('')}</ul>
</body></html>
`;
}
