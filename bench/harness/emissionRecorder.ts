import type { Sandbox } from '../../sandbox';
import type { EmittedChange } from '../analysis/eventMatching';
import { expectedLabel, type EventVendor } from '../analysis/expectedStates';

interface RawEmission {
  vendor: EventVendor;
  /** Genesys call id, or Huawei agent id (an agent has one call at a time). */
  source: string;
  rawState: string;
  at: number;
}

/**
 * Records what the event-stream emulators emit, with their own emission stamps. The
 * listeners only append: the bench process also runs the emulators, and work done here
 * would slow the emissions being measured. Keys and labels are worked out afterwards.
 */
export class EmissionRecorder {
  private raw: RawEmission[] = [];
  /** `vendor source rawState` of everything recorded, so waiting on an emission costs one lookup. */
  private seen = new Set<string>();
  private stops: (() => void)[] = [];

  constructor(private readonly sandbox: Sandbox) {}

  start(): void {
    this.stop();
    this.raw = [];
    this.seen = new Set();
    const { genesys, huawei } = this.sandbox.emulators;
    this.stops = [
      genesys.control.onPublish((callId, state, at) => this.record({ vendor: 'genesys', source: callId, rawState: state, at })),
      huawei.onEmit((agentId, eventType, _callId, at) => this.record({ vendor: 'huawei', source: agentId, rawState: eventType, at })),
    ];
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  /** True once this emission has been recorded since `start`. */
  has(vendor: EventVendor, source: string, rawState: string): boolean {
    return this.seen.has(`${vendor} ${source} ${rawState}`);
  }

  private record(emission: RawEmission): void {
    this.raw.push(emission);
    this.seen.add(`${emission.vendor} ${emission.source} ${emission.rawState}`);
  }

  /**
   * The recorded emissions that change a call's state, keyed by call: `keyOf` names the call
   * of a Genesys call id or a Huawei agent (undefined: not a call this measurement follows).
   */
  changes(keyOf: (vendor: EventVendor, source: string) => string | undefined): EmittedChange[] {
    return this.raw.flatMap((entry) => {
      const callKey = keyOf(entry.vendor, entry.source);
      const label = expectedLabel(entry.vendor, entry.rawState);
      return callKey !== undefined && label !== undefined ? [{ callKey, label, rawState: entry.rawState, at: entry.at }] : [];
    });
  }
}
