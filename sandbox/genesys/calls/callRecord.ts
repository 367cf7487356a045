import type { FarEndOutcome } from '../../emulator';
import type { GenesysUser } from '../options';
import { CAPABILITIES, type GwsCallState } from './capabilities';
import type { UserData } from './userData';

/** The emulator's record of one call (T-Server's view), rendered to GWS JSON on demand. */
export interface CallRecord {
  id: string;
  connId: string;
  owner: GenesysUser;
  direction: 'outbound' | 'inbound';
  /** The other party: the dialled number, or the caller of an inbound call. */
  remoteNumber: string;
  callType: 'Internal' | 'Outbound' | 'Inbound';
  state: GwsCallState;
  userData: UserData;
  createdAt: number;
  /** Set for outbound calls placed by Dial: what the far end will do. */
  outcome?: FarEndOutcome;
  /** Every SendDtmf `digits` value, in order (control API only; not on the wire). */
  dtmf: string[];
  /** Every state the call went through, in order (control API only). */
  states: GwsCallState[];
}

export const deviceUri = (baseUrl: string, deviceId: string): string => `${baseUrl}/api/v2/devices/${deviceId}`;
export const callUri = (baseUrl: string, callId: string): string => `${baseUrl}/api/v2/me/calls/${callId}`;

/** Seconds since the call was created, as the string GWS sends. */
export const durationOf = (call: CallRecord, now: number): string => String(Math.max(0, Math.floor((now - call.createdAt) / 1000)));

/**
 * The full Call resource, with the fields (and their order) of the Dial page's samples;
 * `userData` is omitted when empty, as GWS does.
 */
export function toCallResource(call: CallRecord, baseUrl: string, now: number): Record<string, unknown> {
  const party = call.remoteNumber;
  const endpoints = call.direction === 'outbound' ? { dnis: party } : { ani: party, dnis: call.owner.phoneNumber };
  return {
    id: call.id,
    connId: call.connId,
    state: call.state,
    callUuid: call.id,
    deviceUri: deviceUri(baseUrl, call.owner.deviceId),
    uri: callUri(baseUrl, call.id),
    participants: [party],
    participantsInfo: [{ digits: party, e164Number: party, formattedPhoneNumber: party }],
    ...endpoints,
    callType: call.callType,
    capabilities: [...CAPABILITIES[call.state]],
    ...(Object.keys(call.userData).length > 0 ? { userData: structuredClone(call.userData) } : {}),
    duration: durationOf(call, now),
    mute: 'Off',
    supervisorListeningIn: false,
    monitoredUserMuted: false,
  };
}
