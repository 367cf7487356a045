import type { Page } from '@playwright/test';

/** What the page records, in the page's clock (epoch ms, `performance.timeOrigin + performance.now()`). */
export interface ProbeObservation {
  /** The article's accessible name, e.g. `Call to +442079460001`. */
  name: string;
  /** The state label it shows from `at` on; null when it left the page. */
  label: string | null;
  at: number;
  /** Messages the page had received on its WebSocket(s) by then. */
  messages: number;
}

export interface ProbeLongTask {
  at: number;
  durationMs: number;
}

interface ProbeState {
  keydowns: number[];
  messages: number;
  /** When each WebSocket message arrived, in order. */
  messageTimes: number[];
  observations: ProbeObservation[];
  longTasks: ProbeLongTask[];
  usableAt: number | null;
  frames: { running: boolean; last: number; longestGap: number };
}

declare global {
  interface Window {
    __benchProbe?: ProbeState;
  }
}

/**
 * Runs in the page before the app's own scripts (Playwright `addInitScript`), so it must be
 * self-contained. It records, on the page clock:
 * - each Enter keydown, in the capture phase (before the app sees it);
 * - each WebSocket message's arrival (a listener added when the socket is created, so it runs
 *   before the app's own handler of the same message);
 * - after each DOM change, every call article it touched: its state label (a leaf element
 *   outside the timeline whose whole text is a state label — the UI contract says the state is
 *   text inside the article) with the message count, and each article that left the page;
 * - long main-thread tasks (`longtask` entries, 50 ms and more);
 * - when the dialer became usable: the Phone number textbox present, enabled and focused;
 * - on request, the longest gap between animation frames.
 */
export function installProbe(stateLabels: readonly string[]): void {
  const labels = new Set(stateLabels);
  const now = (): number => performance.timeOrigin + performance.now();
  const state: ProbeState = { keydowns: [], messages: 0, messageTimes: [], observations: [], longTasks: [], usableAt: null, frames: { running: false, last: 0, longestGap: 0 } };
  window.__benchProbe = state;

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', () => {
        state.messages += 1;
        state.messageTimes.push(now());
      });
    }
  };

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') state.keydowns.push(now());
    },
    { capture: true },
  );

  const lastNoted = new Map<string, string>();
  const stateOf = (article: Element): string | null => {
    for (const element of Array.from(article.querySelectorAll('*'))) {
      if (element.children.length > 0 || element.closest('details')) continue;
      const text = element.textContent?.trim() ?? '';
      if (labels.has(text)) return text;
    }
    return null;
  };
  const note = (name: string, label: string | null, at: number): void => {
    const key = `${label ?? ''}|${state.messages}`;
    if (lastNoted.get(name) === key) return;
    lastNoted.set(name, key);
    state.observations.push({ name, label, at, messages: state.messages });
  };

  const usable = (): boolean => {
    for (const input of Array.from(document.querySelectorAll('input'))) {
      const label = input.labels?.[0]?.textContent?.trim();
      if (label === 'Phone number' && !input.disabled && document.activeElement === input) return true;
    }
    return false;
  };

  const observer = new MutationObserver((records) => {
    const at = now();
    const touched = new Set<Element>();
    const left = new Set<Element>();
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const article = target?.closest('article');
      if (article) touched.add(article);
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element)) continue;
        if (node.tagName === 'ARTICLE') touched.add(node);
        for (const inner of Array.from(node.getElementsByTagName('article'))) touched.add(inner);
      }
      for (const node of Array.from(record.removedNodes)) {
        if (!(node instanceof Element)) continue;
        if (node.tagName === 'ARTICLE') left.add(node);
        for (const inner of Array.from(node.getElementsByTagName('article'))) left.add(inner);
      }
    }
    for (const article of touched) {
      const name = article.getAttribute('aria-label');
      if (name && article.isConnected) note(name, stateOf(article), at);
    }
    // A keyed list moves nodes by removing and re-inserting them: only a node that is gone has left.
    for (const article of left) {
      const name = article.getAttribute('aria-label');
      if (name && !article.isConnected) note(name, null, at);
    }
    if (state.usableAt === null && usable()) state.usableAt = at;
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['disabled'] });
  // Focus moves without a mutation when the app focuses an input that is already there.
  document.addEventListener(
    'focusin',
    () => {
      if (state.usableAt === null && usable()) state.usableAt = now();
    },
    { capture: true },
  );

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ at: performance.timeOrigin + entry.startTime, durationMs: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Starts or stops the animation-frame gap watch (a rAF loop). */
function frameWatch(running: boolean): number {
  const frames = window.__benchProbe?.frames;
  if (!frames) throw new Error('the bench probe is not installed in this page');
  if (!running) {
    frames.running = false;
    return frames.longestGap;
  }
  frames.running = true;
  frames.longestGap = 0;
  frames.last = performance.now();
  const tick = (): void => {
    if (!frames.running) return;
    const current = performance.now();
    frames.longestGap = Math.max(frames.longestGap, current - frames.last);
    frames.last = current;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return 0;
}

/**
 * `fn(arg)` as a script for the page. tsx compiles with esbuild's keepNames, which wraps
 * named inner functions in a `__name(...)` helper the page does not have: the wrapper
 * supplies a local one, so nothing is added to the app's global scope.
 */
export function pageScript<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

/** The bench's side of the probe: reads what the page recorded. */
export class ProbeClient {
  constructor(readonly page: Page) {}

  lastKeydown(): Promise<number | undefined> {
    return this.page.evaluate(() => window.__benchProbe?.keydowns.at(-1));
  }

  /** Observations since `at`, skipping the first `skip` of them (those already read). */
  observationsFrom(skip: number, at: number): Promise<ProbeObservation[]> {
    return this.page.evaluate(
      ({ skip: skipped, since }) => {
        const all = window.__benchProbe?.observations ?? [];
        let first = all.length;
        while (first > 0 && (all[first - 1] as ProbeObservation).at >= since) first -= 1;
        return all.slice(first + skipped);
      },
      { skip, since: at },
    );
  }

  observationsSince(at: number): Promise<ProbeObservation[]> {
    return this.page.evaluate((since) => (window.__benchProbe?.observations ?? []).filter((observation) => observation.at >= since), at);
  }

  /** Arrival times of messages `first`, `first + 1`, … (counted from 1). */
  messageTimesFrom(first: number): Promise<number[]> {
    return this.page.evaluate((from) => (window.__benchProbe?.messageTimes ?? []).slice(from - 1), first);
  }

  longTasksSince(at: number): Promise<ProbeLongTask[]> {
    return this.page.evaluate((since) => (window.__benchProbe?.longTasks ?? []).filter((task) => task.at + task.durationMs >= since), at);
  }

  usableAt(): Promise<number | null> {
    return this.page.evaluate(() => window.__benchProbe?.usableAt ?? null);
  }

  startFrameWatch(): Promise<number> {
    return this.page.evaluate<number>(pageScript(frameWatch, true));
  }

  /** Stops the watch and returns the longest gap between two frames since it started. */
  stopFrameWatch(): Promise<number> {
    return this.page.evaluate<number>(pageScript(frameWatch, false));
  }
}
