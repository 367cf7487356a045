import type { PostDialStep } from '../../../shared/dialString';

export interface PostDialPlayerOptions {
  sendDigits(callId: string, digits: string): Promise<void>;
  /** A step failed; `remaining` are the digits not sent, for the user to send by hand. */
  onFailure(callId: string, error: unknown, remaining: string): void;
}

interface Playback {
  cancelled: boolean;
  timer?: ReturnType<typeof setTimeout>;
  wake?: () => void;
}

/**
 * Plays post-dial digits into a call as DTMF once it is established, timing the pauses
 * itself (GWS has no pause syntax). One playback per call; a call that ends stops it.
 */
export class PostDialPlayer {
  private readonly playbacks = new Map<string, Playback>();

  constructor(private readonly options: PostDialPlayerOptions) {}

  play(callId: string, steps: readonly PostDialStep[]): void {
    if (this.playbacks.has(callId) || steps.length === 0) return;
    const playback: Playback = { cancelled: false };
    this.playbacks.set(callId, playback);
    void this.run(callId, steps, playback).finally(() => {
      if (this.playbacks.get(callId) === playback) this.playbacks.delete(callId);
    });
  }

  cancel(callId: string): void {
    const playback = this.playbacks.get(callId);
    if (!playback) return;
    playback.cancelled = true;
    clearTimeout(playback.timer);
    playback.wake?.();
    this.playbacks.delete(callId);
  }

  cancelAll(): void {
    for (const callId of [...this.playbacks.keys()]) this.cancel(callId);
  }

  private async run(callId: string, steps: readonly PostDialStep[], playback: Playback): Promise<void> {
    for (const [index, step] of steps.entries()) {
      if (playback.cancelled) return;
      if ('pauseMs' in step) {
        await new Promise<void>((resolve) => {
          playback.wake = resolve;
          playback.timer = setTimeout(resolve, step.pauseMs);
        });
        continue;
      }
      try {
        await this.options.sendDigits(callId, step.digits);
      } catch (error) {
        if (playback.cancelled) return;
        const remaining = steps.slice(index).flatMap((s) => ('digits' in s ? [s.digits] : [])).join('');
        this.options.onFailure(callId, error, remaining);
        return;
      }
    }
  }
}
