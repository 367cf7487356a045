import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { roundTo } from '../analysis/percentiles';
import { AppScreen, probedContext } from '../harness/browser';
import { seedHistory } from '../harness/historySeed';
import { pageScript } from '../harness/pageProbe';
import { launchShell } from '../harness/shellProcess';

export interface MemoryResult {
  /** Renderer heap once every history entry has been loaded; null when the app has no history. */
  heapMB: number | null;
  heapNote?: string;
  idleHeapMB: number;
  mainRssMB: number;
}

const MB = 1024 * 1024;
const LOAD_TIMEOUT_MS = 60_000;

/** JS heap in use after a full garbage collection (CDP), MB of 2^20 bytes. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return roundTo(usage.usedSize / MB, 1);
}

/**
 * Scrolls the virtualised Calls list from top to bottom a page of rows at a time, waiting at
 * each stop until the rows in view carry their entries: every page of the history is then
 * loaded into the renderer once. Runs in the page; returns the number of rows it reached.
 */
async function scrollThroughHistory(timeoutMs: number): Promise<number> {
  const list = document.querySelector<HTMLElement>('[role="list"][aria-label="Calls"]');
  if (!list) throw new Error('no Calls list');
  const firstRow = list.querySelector<HTMLElement>('[role="listitem"]');
  if (!firstRow) throw new Error('the Calls list has no rows');
  const rowHeight = firstRow.offsetHeight;
  const total = Number(firstRow.getAttribute('aria-setsize'));
  const pageRows = 100;
  const deadline = performance.now() + timeoutMs;
  const loadedAt = (index: number): boolean => {
    const row = list.querySelector(`[role="listitem"][aria-posinset="${index + 1}"]`);
    return row !== null && row.childElementCount > 0;
  };
  let reached = 0;
  for (let index = 0; index < total; index = Math.min(total - 1, index + pageRows)) {
    list.scrollTop = index * rowHeight;
    while (!loadedAt(index)) {
      if (performance.now() > deadline) throw new Error(`history row ${index + 1} did not load`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    reached = index + 1;
    if (index === total - 1) break;
  }
  return reached;
}

async function openHistory(page: Page, entries: number): Promise<number> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).click();
  await page.getByRole('list', { name: 'Calls' }).getByRole('listitem').first().waitFor({ timeout: LOAD_TIMEOUT_MS });
  await page.getByText(`${entries} calls`).waitFor({ timeout: LOAD_TIMEOUT_MS });
  return page.evaluate<number>(pageScript(scrollThroughHistory, LOAD_TIMEOUT_MS));
}

/** True when this build of the app keeps a call history the renderer can list (issue 5). */
export function hasHistory(root: string): boolean {
  return (CHANNEL_NAMES as readonly string[]).includes('history.list') && existsSync(join(root, 'renderer', 'src', 'features', 'history'));
}

/**
 * DESIGN §9 memory: the browser shell (sandbox mode) started on a data directory holding
 * `entries` calls in its history file; the renderer heap after GC with the app idle, then
 * after the History view has loaded every entry; the main process RSS at the end.
 */
export async function measureMemory(browser: Browser, root: string, entries: number): Promise<MemoryResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'softphone-bench-memory-'));
  const history = hasHistory(root);
  if (history) seedHistory(join(dataDir, 'history.jsonl'), entries);
  const shell = await launchShell({ root, dataDir, port: 0 });
  const context = await probedContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(shell.url);
    await new AppScreen(page).numberBox.waitFor({ timeout: LOAD_TIMEOUT_MS });
    const cdp = await context.newCDPSession(page);
    const idleHeapMB = await heapAfterGc(cdp);
    if (!history) {
      return { heapMB: null, heapNote: 'not measured: this build has no call history (issue 5)', idleHeapMB, mainRssMB: roundTo(shell.memory().rssMB, 1) };
    }
    const reached = await openHistory(page, entries);
    if (reached !== entries) throw new Error(`the History view reached ${reached} of ${entries} entries`);
    const heapMB = await heapAfterGc(cdp);
    return { heapMB, heapNote: `every entry loaded by scrolling the list; ${idleHeapMB} MB before opening History`, idleHeapMB, mainRssMB: roundTo(shell.memory().rssMB, 1) };
  } finally {
    await context.close();
    await shell.stop();
  }
}
