import { VENDOR_LABELS, type Vendor } from '../../shared/callModel';
import type { Distribution } from '../analysis/percentiles';
import { TARGETS, judge, type Figure, type Verdict } from '../analysis/targets';
import type { EventVendor } from '../analysis/expectedStates';

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGB: number;
  os: string;
  node: string;
  chromium: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverage1m: number;
  /** The same when it ended. */
  loadAverage1mAtEnd?: number;
}

export interface DialOverheadResult extends Distribution {
  /** Enter → the emulator received the vendor request (the raw end-to-end time). */
  endToEndMs: Distribution;
  /** A request sent straight from Node to the same endpoint → the emulator received it. Its median is subtracted. */
  baselineMs: Distribution;
  samples: number[];
}

/**
 * Where event-to-screen time goes: emission → the page received the socket message carrying
 * the change (emulator, adapter, core, socket), then arrival → on screen (the renderer).
 */
export interface LatencySplit {
  toPageP50Ms: number;
  toPageP99Ms: number;
  inPageP50Ms: number;
  inPageP99Ms: number;
}

export interface EventToScreenResult extends Distribution {
  /** State changes shown only through a newer state of the same call (both arrived within one frame). */
  superseded: number;
  dropped: number;
  split: LatencySplit | null;
  samples: number[];
}

export interface BurstResult {
  calls: number;
  callsByVendor: Record<EventVendor, number>;
  /** State changes emitted by the emulators during the burst. */
  events: number;
  eventsByVendor: Record<EventVendor, number>;
  durationS: number;
  eventsPerSecond: number;
  /** Changes lost: missing from the renderer's last copy of their call, or never reflected on screen (the larger count). */
  dropped: number;
  droppedBeforeRenderer: number;
  droppedOnScreen: number;
  superseded: number;
  /** Calls whose last state (on screen, or in the renderer's copy once the card left the panel) is the expected one. */
  finalStateCorrect: number;
  finalStateShown: number;
  finalStateLeftPanel: number;
  /** Screen observations that disagreed with the copy of the call they were tied to: the probe's self-check, 0 when sound. */
  probeInconsistencies: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Longest renderer main-thread task (PerformanceObserver `longtask`, which reports tasks of 50 ms and more); null when none. */
  longestTaskMs: number | null;
  longTasks: number;
  /** Longest gap between two animation frames during the burst: what the agent would feel as a freeze. */
  longestFrameGapMs: number;
  split: LatencySplit | null;
  samples: Record<EventVendor, number[]>;
}

export interface BenchResults {
  schemaVersion: 1;
  mode: 'full' | 'quick';
  startedAt: string;
  durationS: number;
  machine: Machine;
  /** Page clock minus bench clock, measured by round trips; page timestamps are corrected by it. */
  clock: { offsetMs: number; uncertaintyMs: number } | null;
  dialOverheadMs: Partial<Record<Vendor, DialOverheadResult>>;
  eventToScreenMs: Partial<Record<EventVendor, EventToScreenResult>>;
  burst: BurstResult | null;
  startupMs: number | null;
  startupSamplesMs: number[];
  bundleGzipKB: number | null;
  bundleRawKB: number | null;
  heapMB10kHistory: number | null;
  heapNote?: string;
  historyEntries: number;
  /** Renderer heap with the app idle and no history: the base the history adds to. */
  heapMBIdle: number | null;
  mainRssMB: number | null;
  mainRssMBAfterBurst: number | null;
  verdicts: Verdict[];
  errors: string[];
}

const EVENT_VENDORS: readonly EventVendor[] = ['genesys', 'huawei'];

/** "· to page 3.1 / renderer 9.0 (p50)": where the time went. */
function splitNote(split: LatencySplit | null): string {
  return split ? ` · to page ${split.toPageP50Ms.toFixed(1)} / renderer ${split.inPageP50Ms.toFixed(1)} (p50), ${split.toPageP99Ms.toFixed(0)} / ${split.inPageP99Ms.toFixed(0)} (p99)` : '';
}
const DIAL_VENDORS: readonly Vendor[] = ['genesys', 'huawei', 'vonage', 'iovox', 'oracle'];

/** Every figure of a run, compared with DESIGN §9 where it has a target. */
export function verdictsOf(results: Omit<BenchResults, 'verdicts'>): Verdict[] {
  const figures: Figure[] = [];
  for (const vendor of DIAL_VENDORS) {
    const dial = results.dialOverheadMs[vendor];
    figures.push({
      key: `dialOverheadMs.${vendor}.p99`,
      label: `Dial overhead p99 — ${VENDOR_LABELS[vendor]}`,
      value: dial?.p99 ?? null,
      unit: 'ms',
      target: TARGETS.dialOverheadP99Ms,
      ...(dial ? { note: `p50 ${dial.p50.toFixed(1)} · p95 ${dial.p95.toFixed(1)} · n ${dial.n}` } : {}),
    });
  }
  for (const vendor of EVENT_VENDORS) {
    const screen = results.eventToScreenMs[vendor];
    figures.push({
      key: `eventToScreenMs.${vendor}.p99`,
      label: `Event to screen p99 — ${VENDOR_LABELS[vendor]}`,
      value: screen?.p99 ?? null,
      unit: 'ms',
      target: TARGETS.eventToScreenP99Ms,
      ...(screen ? { note: `p50 ${screen.p50.toFixed(1)} · n ${screen.n}${splitNote(screen.split)}` } : {}),
    });
  }
  const burst = results.burst;
  figures.push(
    {
      key: 'burst.finalStateCorrect',
      label: 'Burst: calls in their correct final state',
      value: burst ? burst.finalStateCorrect : null,
      unit: `of ${burst?.calls ?? '?'}`,
      ...(burst ? { target: { comparison: 'equals', limit: burst.calls } } : {}),
    },
    { key: 'burst.dropped', label: 'Burst: dropped events', value: burst?.dropped ?? null, unit: '', target: TARGETS.burstDropped, ...(burst ? { note: `of ${burst.events} at ${Math.round(burst.eventsPerSecond)}/s` } : {}) },
    { key: 'burst.p99Ms', label: 'Burst: event to screen p99', value: burst?.p99Ms ?? null, unit: 'ms', target: TARGETS.burstP99Ms, ...(burst ? { note: `p50 ${burst.p50Ms.toFixed(1)}${splitNote(burst.split)}` } : {}) },
    {
      key: 'burst.longestTaskMs',
      label: 'Burst: longest renderer task',
      value: burst ? burst.longestTaskMs : null,
      unit: 'ms',
      ...(burst && burst.longestTaskMs === null
        ? { display: '< 50 ms', note: 'no task of 50 ms or more (the longtask threshold)' }
        : burst
          ? { note: `${burst.longTasks} tasks ≥ 50 ms; longest gap between frames ${burst.longestFrameGapMs.toFixed(0)} ms` }
          : {}),
    },
    { key: 'startupMs', label: 'Start: process start → dialer usable', value: results.startupMs, unit: 'ms', target: TARGETS.startupMs },
    { key: 'bundleGzipKB', label: 'Renderer bundle (gzip)', value: results.bundleGzipKB, unit: 'kB', target: TARGETS.bundleGzipKB },
    {
      key: 'heapMB10kHistory',
      label: `Renderer heap with ${results.historyEntries.toLocaleString('en-GB')} history entries`,
      value: results.heapMB10kHistory,
      unit: 'MB',
      target: TARGETS.heapMB10kHistory,
      ...(results.heapNote ? { note: results.heapNote } : {}),
    },
    { key: 'mainRssMB', label: 'Main process RSS', value: results.mainRssMB, unit: 'MB' },
  );
  return figures.map(judge);
}
