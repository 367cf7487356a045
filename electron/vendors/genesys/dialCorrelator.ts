import type { GwsCall } from './gwsSchemas';

/** Only the characters a switch dials; separators and `+` differ between what we send and what GWS echoes. */
const dialable = (value: string): string => value.replace(/[^0-9*#]/g, '');

/**
 * Whether a call GWS reports is the one a Dial of ours created (vendors/genesys.md §6 rule 1):
 * placed from our device, towards the digits we dialled.
 */
export function isCallFromDial(call: GwsCall, deviceId: string, dialled: string): boolean {
  const device = call.deviceUri?.replace(/\/+$/, '');
  if (!device || !device.endsWith(`/devices/${deviceId}`)) return false;
  const wanted = dialable(dialled);
  if (wanted === '') return false;
  return [call.dnis, ...call.participants].some((number) => number !== undefined && dialable(number) === wanted);
}

interface PendingDial {
  localId: string;
  dialled: string;
}

/** Enough to recognise any call still in progress; older ids are forgotten first. */
const SEEN_CAPACITY = 5000;

/**
 * Binds GWS call ids to our dials. A Dial request returns no call id, so the next call GWS
 * reports as new, from our device and to the dialled digits, is ours; several dials to the
 * same number bind in the order they were placed.
 */
export class DialCorrelator {
  private readonly pending: PendingDial[] = [];
  private readonly seen = new Set<string>();
  private readonly localIds = new Map<string, string>();

  constructor(private readonly deviceId: string) {}

  /** Call before sending the Dial: GWS may report the call before it answers the request. */
  expect(localId: string, dialled: string): void {
    this.pending.push({ localId, dialled });
  }

  /** Gives up on a dial; true when it was still waiting for its call. */
  withdraw(localId: string): boolean {
    const index = this.pending.findIndex((dial) => dial.localId === localId);
    if (index < 0) return false;
    this.pending.splice(index, 1);
    return true;
  }

  isPending(localId: string): boolean {
    return this.pending.some((dial) => dial.localId === localId);
  }

  /**
   * Reads a call GWS reported and returns the local id of the dial it belongs to, if any.
   * From an event only a `Dialing` status change can bind (the documented first event of an
   * outbound call); a resync may find the call further on, but never after `Released`.
   */
  observe(call: GwsCall, from: 'event' | 'resync'): string | undefined {
    const known = this.localIds.get(call.id);
    if (known !== undefined || this.seen.has(call.id)) return known;
    this.remember(call.id);
    const bindable = from === 'event' ? call.state === 'Dialing' : call.state !== 'Released';
    if (!bindable) return undefined;
    const index = this.pending.findIndex((dial) => isCallFromDial(call, this.deviceId, dial.dialled));
    const dial = this.pending[index];
    if (!dial) return undefined;
    this.pending.splice(index, 1);
    this.localIds.set(call.id, dial.localId);
    return dial.localId;
  }

  localIdOf(callId: string): string | undefined {
    return this.localIds.get(callId);
  }

  callIdOf(localId: string): string | undefined {
    for (const [callId, id] of this.localIds) if (id === localId) return callId;
    return undefined;
  }

  private remember(callId: string): void {
    this.seen.add(callId);
    if (this.seen.size > SEEN_CAPACITY) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) {
        this.seen.delete(oldest);
        this.localIds.delete(oldest);
      }
    }
  }
}
