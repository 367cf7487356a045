import type { Page } from '@playwright/test';
import { nowMs } from '../../sandbox/framework/emulatorServer';

/** The bench's clock: the one the emulators stamp requests and events with. */
export const benchNow = nowMs;

export interface ClockOffset {
  /** Page clock minus bench clock. */
  offsetMs: number;
  /** Half the round trip of the best probe: the offset is right to within this. */
  uncertaintyMs: number;
}

export interface OffsetProbe {
  sentAt: number;
  pageAt: number;
  receivedAt: number;
}

/** Cristian's algorithm: the probe with the shortest round trip bounds the offset best. */
export function offsetFrom(probes: readonly OffsetProbe[]): ClockOffset {
  if (probes.length === 0) throw new Error('no clock probes');
  const best = probes.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a));
  return { offsetMs: best.pageAt - (best.sentAt + best.receivedAt) / 2, uncertaintyMs: (best.receivedAt - best.sentAt) / 2 };
}

/**
 * Both clocks are `performance.timeOrigin + performance.now()`, but each process fixes its
 * time origin from the wall clock when it starts, so they can disagree by a little: measure it.
 */
export async function measureClockOffset(page: Page, probes = 40): Promise<ClockOffset> {
  const samples: OffsetProbe[] = [];
  for (let index = 0; index < probes; index += 1) {
    const sentAt = benchNow();
    const pageAt = await page.evaluate(() => performance.timeOrigin + performance.now());
    samples.push({ sentAt, pageAt, receivedAt: benchNow() });
  }
  return offsetFrom(samples);
}

export const toBenchClock = (pageAt: number, clock: ClockOffset): number => pageAt - clock.offsetMs;
