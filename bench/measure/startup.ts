import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { percentile, roundTo, sortedCopy } from '../analysis/percentiles';
import { probedContext } from '../harness/browser';
import { benchNow, measureClockOffset, toBenchClock } from '../harness/clock';
import { ProbeClient } from '../harness/pageProbe';
import { launchShell } from '../harness/shellProcess';

export interface StartupResult {
  medianMs: number;
  samples: number[];
}

const USABLE_TIMEOUT_MS = 20_000;

/** A port that was free a moment ago: every launch reuses it, so the page's origin (and its HTTP cache) stays the same. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUsable(probe: ProbeClient): Promise<number> {
  const deadline = Date.now() + USABLE_TIMEOUT_MS;
  for (;;) {
    const usableAt = await probe.usableAt();
    if (usableAt !== null) return usableAt;
    if (Date.now() > deadline) throw new Error(`the dialer was not usable within ${USABLE_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * DESIGN §9 start: the browser shell in its default sandbox mode, from spawning the process
 * to the Phone number textbox present, enabled and focused (stamped in the page). Warm
 * cache: one launch first that is not counted, then the same data directory, port and
 * browser profile every time, as for a user who opens the app again.
 */
export async function measureStartup(browser: Browser, root: string, launches: number): Promise<StartupResult> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'softphone-bench-start-'));
  const context = await probedContext(browser);
  const samples: number[] = [];
  try {
    for (let launch = 0; launch <= launches; launch += 1) {
      const page = await context.newPage();
      const spawnedAt = benchNow();
      const shell = await launchShell({ root, dataDir, port });
      try {
        await page.goto(shell.url);
        const probe = new ProbeClient(page);
        const usableAt = await waitUsable(probe);
        const clock = await measureClockOffset(page, 10);
        if (launch > 0) samples.push(roundTo(toBenchClock(usableAt, clock) - spawnedAt, 1));
      } finally {
        await page.close();
        await shell.stop();
      }
    }
  } finally {
    await context.close();
  }
  return { medianMs: percentile(sortedCopy(samples), 50), samples };
}
