import { describe, expect, it } from 'vitest';
import type { CallAction, CallRecord, CallState } from '../callModel';
import { callForShortcut, type CallCommand } from './shortcutCall';

const call = (id: string, state: CallState, actions: CallAction[], createdAt: number): CallRecord => ({
  id,
  profileId: 'p',
  vendor: 'genesys',
  direction: 'outbound',
  target: { kind: 'phone', input: id, number: id },
  state,
  timeline: [],
  actions,
  createdAt,
});

const connectedOld = call('old', 'connected', ['hangup', 'hold'], 1);
const connectedNew = call('new', 'connected', ['hangup', 'hold'], 2);
const held = call('held', 'held', ['hangup', 'retrieve'], 3);
const scheduled = call('scheduled', 'scheduled', ['cancel'], 9);
const ended = call('ended', 'ended', [], 10);
const accepted = call('accepted', 'accepted', [], 11);

describe('callForShortcut', () => {
  it.each<[string, CallRecord[], CallCommand, string | undefined, string]>([
    ['the only call', [connectedOld], 'hangUp', undefined, 'old call.hangup'],
    ['the most recent of several', [connectedOld, connectedNew], 'hangUp', undefined, 'new call.hangup'],
    ['the focused call, though older', [connectedOld, connectedNew], 'hangUp', 'old', 'old call.hangup'],
    ['a call in progress before a newer scheduled one', [connectedOld, scheduled], 'hangUp', undefined, 'old call.hangup'],
    ['a scheduled call is cancelled when it is all there is', [scheduled, ended], 'hangUp', undefined, 'scheduled call.hangup'],
    ['finished calls are skipped', [connectedOld, ended, accepted], 'hangUp', undefined, 'old call.hangup'],
    ['hold a connected call', [connectedNew], 'holdResume', undefined, 'new call.hold'],
    ['resume a held call', [connectedOld, held], 'holdResume', undefined, 'held call.retrieve'],
    ['hold the focused call while another is held', [connectedOld, held], 'holdResume', 'old', 'old call.hold'],
    ['a scheduled call cannot be held: the connected one is', [connectedOld, scheduled], 'holdResume', undefined, 'old call.hold'],
    ['a focus elsewhere (not a call) is ignored', [connectedOld], 'hangUp', 'gone', 'old call.hangup'],
  ])('%s', (_what, calls, command, focused, expected) => {
    const choice = callForShortcut(calls, command, focused);
    expect(choice.ok ? `${choice.call.id} ${choice.channel}` : choice.reason).toBe(expected);
  });

  it.each<[string, CallRecord[], CallCommand, string | undefined, string]>([
    ['no calls', [], 'hangUp', undefined, 'There is no call to hang up.'],
    ['only finished calls', [ended, accepted], 'hangUp', undefined, 'There is no call to hang up.'],
    ['nothing to hold', [scheduled], 'holdResume', undefined, 'There is no call to hold or resume.'],
    ['the focused call has ended: no other call is hung up in its place', [connectedNew, ended], 'hangUp', 'ended', 'The focused call cannot be hung up.'],
    ['the focused call cannot be held', [connectedOld, scheduled], 'holdResume', 'scheduled', 'The focused call cannot be held or resumed.'],
  ])('refuses: %s', (_what, calls, command, focused, reason) => {
    expect(callForShortcut(calls, command, focused)).toEqual({ ok: false, reason });
  });
});
