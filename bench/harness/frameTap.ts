import type { Page } from '@playwright/test';
import { z } from 'zod';
import { CallRecordSchema, type CallRecord } from '../../shared/callModel';

/**
 * Copies the contract socket's messages to the renderer (browser shell) while recording.
 * Attach before the page opens the app. Frames are kept as received and parsed afterwards,
 * so recording costs the bench process as little as possible during a burst.
 */
export class FrameTap {
  private frames: string[] = [];
  private recording = false;

  constructor(page: Page) {
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        if (this.recording && typeof frame.payload === 'string') this.frames.push(frame.payload);
      });
    });
  }

  start(): void {
    this.frames = [];
    this.recording = true;
  }

  stop(): string[] {
    this.recording = false;
    const frames = this.frames;
    this.frames = [];
    return frames;
  }
}

const EventBatchSchema = z.object({ events: z.array(z.object({ type: z.string() }).passthrough()) });
const CallUpdatedSchema = z.object({ type: z.literal('call.updated'), call: CallRecordSchema });

/** The last copy of each call the renderer received, by call id, in arrival order. */
export function lastCallRecords(frames: readonly string[]): Map<string, CallRecord> {
  const calls = new Map<string, CallRecord>();
  for (const frame of frames) {
    const batch = EventBatchSchema.safeParse(JSON.parse(frame));
    if (!batch.success) continue;
    for (const event of batch.data.events) {
      const update = CallUpdatedSchema.safeParse(event);
      if (update.success) calls.set(update.data.call.id, update.data.call);
    }
  }
  return calls;
}
