import { describe, expect, it } from 'vitest';
import { callView } from './callMapping';
import type { VccCall } from './responses';

const id = '94e5928c-7f7e-4645-ad72-61010f906449';

describe('callView', () => {
  it.each<[string, VccCall, ReturnType<typeof callView>]>([
    ['Active (never reported connected: VCC does not say when a call is answered)', { id, status: 'Active', recordingStatus: 'Stopped' }, { state: 'dialing', rawState: 'Active', final: false }],
    ['an unknown status string, tolerated', { id, status: 'Queued' }, { state: 'dialing', rawState: 'Queued', final: false }],
    ['Success', { id, status: null, result: { code: 'Success', party: 'Destination', reason: 'Normal' } }, { state: 'ended', rawState: 'Finished: Success (Destination, Normal)', final: true }],
    ['finished without a result', { id, status: null, result: null }, { state: 'ended', rawState: 'Finished', final: true }],
    [
      'the documented finished example',
      { id, status: null, recordingStatus: null, result: { code: 'Failure', party: 'Originator', reason: 'NoAnswer' }, dispositionCode: 'Wrong Number' },
      {
        state: 'failed',
        rawState: 'Finished: Failure (Originator, NoAnswer); disposition Wrong Number',
        failure: { code: 'NoAnswer', message: 'Failure (Originator, NoAnswer)', hint: 'Nobody answered. This was on the calling agent’s side.' },
        final: true,
      },
    ],
    [
      'a reason outside the documented list',
      { id, status: null, result: { code: 'Failure', party: 'Destination', reason: 'Spaceship' } },
      { state: 'failed', rawState: 'Finished: Failure (Destination, Spaceship)', failure: { code: 'Spaceship', message: 'Failure (Destination, Spaceship)', hint: 'VCC reported Spaceship.' }, final: true },
    ],
    ['status missing but a result present', { id, result: { code: 'Success' } }, { state: 'ended', rawState: 'Finished: Success', final: true }],
    ['neither status nor result', { id }, undefined],
  ])('%s', (_name, call, view) => {
    expect(callView(call)).toEqual(view);
  });
});
