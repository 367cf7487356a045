import { setTimeout as sleep } from 'node:timers/promises';
import type { PostDialStep } from '../../../shared/dialString';
import { HUAWEI_DTMF_MAX_LENGTH } from '../../../shared/vendors/huaweiLimits';
import type { Logger } from '../adapter';

/** Splits tones into seconddialex-sized pieces (at most 24 each). */
export function dtmfChunks(digits: string): string[] {
  const chunks: string[] = [];
  for (let index = 0; index < digits.length; index += HUAWEI_DTMF_MAX_LENGTH) chunks.push(digits.slice(index, index + HUAWEI_DTMF_MAX_LENGTH));
  return chunks;
}

export interface PostDialPlayerDeps {
  send(localId: string, digits: string): Promise<void>;
  isConnected(localId: string): boolean;
  log: Logger;
}

/**
 * Plays a call's post-dial digits once the customer is talking: tones through seconddialex,
 * pauses timed here. A call is armed before its callout goes out (its Talking event may come
 * before the callout's answer) and plays at most once.
 */
export class PostDialPlayer {
  private readonly armed = new Map<string, PostDialStep[]>();
  private readonly playing = new Map<string, AbortController>();

  constructor(private readonly deps: PostDialPlayerDeps) {}

  arm(localId: string, steps: PostDialStep[]): void {
    if (steps.length > 0) this.armed.set(localId, steps);
  }

  /** The call reached Talking: plays its digits, if it has any left to play. */
  connected(localId: string): void {
    const steps = this.armed.get(localId);
    if (!steps) return;
    this.armed.delete(localId);
    const abort = new AbortController();
    this.playing.set(localId, abort);
    void this.play(localId, steps, abort.signal).finally(() => {
      if (this.playing.get(localId) === abort) this.playing.delete(localId);
    });
  }

  /** The call ended or will never connect. */
  cancel(localId: string): void {
    this.armed.delete(localId);
    this.playing.get(localId)?.abort();
    this.playing.delete(localId);
  }

  cancelAll(): void {
    for (const localId of [...this.armed.keys(), ...this.playing.keys()]) this.cancel(localId);
  }

  private async play(localId: string, steps: PostDialStep[], signal: AbortSignal): Promise<void> {
    for (const step of steps) {
      if ('pauseMs' in step) {
        const paused = await sleep(step.pauseMs, true, { signal }).catch(() => false);
        if (!paused) return;
        continue;
      }
      for (const chunk of dtmfChunks(step.digits)) {
        if (signal.aborted) return;
        if (!this.deps.isConnected(localId)) {
          this.deps.log.warn('Stopped post-dial digits: the call is no longer connected', { localId });
          return;
        }
        try {
          await this.deps.send(localId, chunk);
        } catch (error) {
          this.deps.log.warn('Stopped post-dial digits: seconddialex failed', { localId, reason: (error as Error).message });
          return;
        }
      }
    }
    this.deps.log.info('Post-dial digits sent', { localId });
  }
}
