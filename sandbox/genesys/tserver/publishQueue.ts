import type { DelayRange } from '../options';

interface Pending {
  dueAt: number;
  run: () => void;
}

/**
 * Runs publications after a delay without ever reordering them: each one is due no earlier
 * than the one queued before it. A delay of 0 still runs after the current turn, so an HTTP
 * reply is always written before its event goes out.
 */
export class PublishQueue {
  private pending: Pending[] = [];
  private lastDueAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private draining = false;

  enqueue(delayMs: number, run: () => void): void {
    const dueAt = Math.max(Date.now() + delayMs, this.lastDueAt);
    this.lastDueAt = dueAt;
    this.pending.push({ dueAt, run });
    if (!this.timer && !this.draining) this.arm();
  }

  clear(): void {
    this.pending = [];
    this.lastDueAt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    const head = this.pending[0];
    if (!head) return;
    this.timer = setTimeout(() => this.drain(), Math.max(0, head.dueAt - Date.now()));
  }

  private drain(): void {
    this.timer = undefined;
    this.draining = true;
    const now = Date.now();
    try {
      while (this.pending[0] && this.pending[0].dueAt <= now) this.pending.shift()?.run();
    } finally {
      this.draining = false;
      this.arm();
    }
  }
}

export function pickDelay(range: DelayRange, random: () => number = Math.random): number {
  return range.min + Math.floor(random() * (range.max - range.min + 1));
}
