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
  private stops: (() => void)[] = [];

  constructor(private readonly sandbox: Sandbox) {}

  start(): void {
    this.stop();
    this.raw = [];
    const { genesys, huawei } = this.sandbox.emulators;
    this.stops = [
      genesys.control.onPublish((callId, state, at) => this.raw.push({ vendor: 'genesys', source: callId, rawState: state, at })),
      huawei.onEmit((agentId, eventType, _callId, at) => this.raw.push({ vendor: 'huawei', source: agentId, rawState: eventType, at })),
    ];
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  /** True once `predicate` matches an emission recorded since `start`. */
  has(predicate: (vendor: EventVendor, source: string, rawState: string) => boolean): boolean {
    return this.raw.some((entry) => predicate(entry.vendor, entry.source, entry.rawState));
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
