import type { Page } from '@playwright/test';
import { z } from 'zod';
import { CallRecordSchema, STATE_LABELS, type CallRecord } from '../../shared/callModel';
import type { ReceivedRecord } from '../analysis/eventMatching';
import { benchNow } from './clock';
import { digitsOf } from './numbers';

const EventBatchSchema = z.object({ events: z.array(z.object({ type: z.string() }).passthrough()) });
const CallUpdatedSchema = z.object({ type: z.literal('call.updated'), call: CallRecordSchema });

/** The key (dialled digits) of a call record, when it is one of the followed calls. */
export function recordKey(record: CallRecord, knownKeys: ReadonlySet<string>): string | undefined {
  if (record.target.kind !== 'phone') return undefined;
  return [record.target.number, record.target.input].map(digitsOf).find((digits) => knownKeys.has(digits));
}

/**
 * The copies of the followed calls in a run of socket messages, each with the page's message
 * count once it had received it (`firstMessage` is the count of the run's first message).
 * Timeline times (the app's wall clock) are moved onto the bench clock by `wallToBench`.
 */
export function receivedRecords(frames: readonly string[], firstMessage: number, knownKeys: ReadonlySet<string>, wallToBench: (at: number) => number): ReceivedRecord[] {
  const records: ReceivedRecord[] = [];
  frames.forEach((frame, index) => {
    const batch = EventBatchSchema.safeParse(JSON.parse(frame));
    if (!batch.success) return;
    for (const event of batch.data.events) {
      const update = CallUpdatedSchema.safeParse(event);
      if (!update.success) continue;
      const callKey = recordKey(update.data.call, knownKeys);
      if (callKey === undefined) continue;
      records.push({
        callKey,
        message: firstMessage + index,
        label: STATE_LABELS[update.data.call.state],
        timeline: update.data.call.timeline.map((entry) => ({ rawState: entry.rawState, at: wallToBench(entry.at) })),
      });
    }
  });
  return records;
}

/**
 * Every message the contract socket brought the renderer (browser shell), in order, copied
 * as it arrives and parsed only when asked, so that a burst costs the bench process little.
 * Attach before the page opens the app: positions must line up with the page's own count.
 */
export class FrameTap {
  private frames: string[] = [];
  /** Messages dropped by `forget`: the count of the first kept one is this plus one. */
  private forgotten = 0;

  constructor(page: Page) {
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => this.frames.push(typeof frame.payload === 'string' ? frame.payload : ''));
    });
  }

  /**
   * The followed calls' copies received so far. The app stamps timelines with the wall clock
   * (`Date.now()`), the same clock in every process: its offset from the bench clock is read here.
   */
  received(knownKeys: ReadonlySet<string>): ReceivedRecord[] {
    const wallMinusBench = Date.now() - benchNow();
    return receivedRecords(this.frames, this.forgotten + 1, knownKeys, (at) => at - wallMinusBench);
  }

  /** Drops the messages kept so far (positions stay right). */
  forget(): void {
    this.forgotten += this.frames.length;
    this.frames = [];
  }
}
