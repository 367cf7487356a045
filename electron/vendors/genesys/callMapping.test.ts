import { describe, expect, it } from 'vitest';
import type { CallAction } from '../../../shared/callModel';
import { actionsFromCapabilities, discoveredOf, mapCall, NOT_ANSWERED, type CallEvent, type CallHistory } from './callMapping';
import { CallStateChangeMessageSchema, GwsCallSchema, type GwsCall } from './gwsSchemas';

/** Dial Sample 1 of vendor-docs/genesys-gws-dial.txt, verbatim. */
const SAMPLE_1 = {
  data: {
    messageType: 'CallStateChangeMessage',
    notificationType: 'StatusChange',
    extensions: { WrapUpTime: 0, BusinessCall: 0 },
    call: {
      id: '013V08JRL498H1OI04000VTAES00000G',
      connId: '0072026cb98d140f',
      state: 'Dialing',
      callUuid: '013V08JRL498H1OI04000VTAES00000G',
      deviceUri: 'http://127.0.0.1:8080/api/v2/devices/efe1ab32-53f9-43ce-b65e-5768c61f7d4a',
      uri: 'http://127.0.0.1:8080/api/v2/me/calls/013V08JRL498H1OI04000VTAES00000G',
      participants: ['5001'],
      participantsInfo: [{ digits: '5001', e164Number: '5001', formattedPhoneNumber: '5001' }],
      dnis: '5001',
      callType: 'Internal',
      capabilities: ['DeleteUserDataPair', 'AttachUserData', 'Hangup', 'DeleteUserData', 'SendDtmf', 'UpdateUserData'],
      duration: '0',
      mute: 'Off',
      supervisorListeningIn: false,
      monitoredUserMuted: false,
    },
    phoneNumber: '5005',
  },
  channel: '/v2/me/calls',
};

const call = (fields: Partial<Record<keyof GwsCall, unknown>> & { state: string }): GwsCall =>
  GwsCallSchema.parse({ id: 'C1', deviceUri: 'http://gws/api/v2/devices/D1', dnis: '5001', participants: ['5001'], capabilities: [], ...fields });

const fresh: CallHistory = { answered: false, hangupRequested: false };
const answered: CallHistory = { answered: true, hangupRequested: false };
const hungUp: CallHistory = { answered: false, hangupRequested: true };

describe('GWS call payload parsing', () => {
  it('reads the documented Dial notification', () => {
    const parsed = CallStateChangeMessageSchema.parse(SAMPLE_1.data);
    expect(parsed).toEqual({
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      call: {
        id: '013V08JRL498H1OI04000VTAES00000G',
        state: 'Dialing',
        deviceUri: 'http://127.0.0.1:8080/api/v2/devices/efe1ab32-53f9-43ce-b65e-5768c61f7d4a',
        dnis: '5001',
        callType: 'Internal',
        participants: ['5001'],
        capabilities: ['DeleteUserDataPair', 'AttachUserData', 'Hangup', 'DeleteUserData', 'SendDtmf', 'UpdateUserData'],
        duration: 0,
      },
    });
  });

  const tolerant: Array<[string, Record<string, unknown>, Partial<GwsCall>]> = [
    ['participants as objects (8.5.2xx)', { participants: [{ e164Number: '', formattedPhoneNumber: '15002', phoneNumber: '15002', digits: '15002' }] }, { participants: ['15002'] }],
    ['participants without digits', { participants: [{ phoneNumber: '15002' }, { formattedPhoneNumber: '15003' }] }, { participants: ['15002', '15003'] }],
    ['unreadable participants dropped', { participants: [42, null, '5001', {}] }, { participants: ['5001'] }],
    ['participants not a list', { participants: 'x' }, { participants: [] }],
    ['participants missing', {}, { participants: [] }],
    ['duration as a string', { duration: '17' }, { duration: 17 }],
    ['duration as a number', { duration: 17 }, { duration: 17 }],
    ['duration unreadable', { duration: 'soon' }, { duration: undefined }],
    ['capabilities malformed', { capabilities: 'Hangup' }, { capabilities: undefined }],
    ['dnis of the wrong type', { dnis: 5001 }, { dnis: undefined }],
  ];

  it.each(tolerant)('%s', (_name, fields, expected) => {
    const parsed = GwsCallSchema.safeParse({ id: 'C1', state: 'Established', ...fields });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject(expected);
  });

  it.each([
    ['no id', { state: 'Dialing' }],
    ['empty id', { id: '', state: 'Dialing' }],
    ['no state', { id: 'C1' }],
    ['state not a string', { id: 'C1', state: 42 }],
    ['not an object', 'Dialing'],
  ])('rejects a call with %s', (_name, raw) => {
    expect(GwsCallSchema.safeParse(raw).success).toBe(false);
  });
});

describe('mapCall', () => {
  const cases: Array<[string, CallEvent, CallHistory, { state: string; rawState: string; failure?: unknown }]> = [
    ['Dialing', { call: call({ state: 'Dialing' }), source: 'StatusChange' }, fresh, { state: 'dialing', rawState: 'Dialing' }],
    ['Ringing', { call: call({ state: 'Ringing' }), source: 'StatusChange' }, fresh, { state: 'ringing', rawState: 'Ringing' }],
    ['Established', { call: call({ state: 'Established' }), source: 'StatusChange' }, fresh, { state: 'connected', rawState: 'Established' }],
    ['Held', { call: call({ state: 'Held' }), source: 'StatusChange' }, answered, { state: 'held', rawState: 'Held' }],
    ['Released after an answer', { call: call({ state: 'Released' }), source: 'StatusChange' }, answered, { state: 'ended', rawState: 'Released' }],
    ['Released after our hangup while dialing', { call: call({ state: 'Released' }), source: 'StatusChange' }, hungUp, { state: 'ended', rawState: 'Released' }],
    ['Released never answered', { call: call({ state: 'Released' }), source: 'StatusChange' }, fresh, { state: 'failed', rawState: 'Released', failure: NOT_ANSWERED }],
    [
      'Error on a live call',
      { call: call({ state: 'Established' }), source: 'Error', error: { message: 'Invalid destination', code: 57 } },
      answered,
      { state: 'connected', rawState: 'Established', failure: { code: '57', message: 'Invalid destination' } },
    ],
    [
      'Error that released the call',
      { call: call({ state: 'Released' }), source: 'Error', error: { message: 'Trunk down', code: undefined } },
      answered,
      { state: 'failed', rawState: 'Released', failure: { code: 'GWS_ERROR', message: 'Trunk down' } },
    ],
    [
      'Error without words',
      { call: call({ state: 'Dialing' }), source: 'Error', error: { message: undefined, code: undefined } },
      fresh,
      { state: 'dialing', rawState: 'Dialing', failure: { code: 'GWS_ERROR', message: 'Genesys reported an error on this call without a message.' } },
    ],
  ];

  it.each(cases)('%s', (_name, event, history, expected) => {
    const mapped = mapCall(event, history);
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.observation).toMatchObject({ vendorCallId: 'C1', sourceEvent: event.source, ...expected });
    if (!('failure' in expected)) expect(mapped.observation.failure).toBeUndefined();
  });

  it('keeps the notification type as the source event', () => {
    const mapped = mapCall({ call: call({ state: 'Established' }), source: 'DtmfSent' }, answered);
    expect(mapped).toMatchObject({ ok: true, observation: { state: 'connected', rawState: 'Established · DtmfSent', sourceEvent: 'DtmfSent' } });
  });

  it('refuses an unknown state with the reason', () => {
    expect(mapCall({ call: call({ state: 'Exploded' }), source: 'StatusChange' }, fresh)).toEqual({ ok: false, reason: 'unknown call state "Exploded"' });
  });

  it('leaves actions out when the capabilities are not known', () => {
    const mapped = mapCall({ call: call({ state: 'Established', capabilities: 'garbage' }), source: 'StatusChange' }, fresh);
    expect(mapped.ok && mapped.observation.actions).toBeUndefined();
  });
});

describe('actionsFromCapabilities', () => {
  const table: Array<[string[], CallAction[]]> = [
    [['SendDtmf', 'DeleteUserData', 'AttachUserData', 'DeleteUserDataPair', 'Hangup', 'UpdateUserData'], ['hangup', 'dtmf']],
    [
      ['Hangup', 'Hold', 'SendDtmf', 'InitiateTransfer', 'InitiateConference', 'SingleStepTransfer', 'SingleStepConference', 'ClearCall', 'AttachUserData'],
      ['hangup', 'hold', 'dtmf'],
    ],
    [['Retrieve', 'Hangup', 'InitiateTransfer', 'AttachUserData'], ['hangup', 'retrieve']],
    [['Answer', 'UpdateUserData', 'ClearCall'], []],
    [[], []],
    [['SendDtmf', 'Hold', 'Hangup'], ['hangup', 'hold', 'dtmf']],
  ];
  it.each(table)('%j → %j', (capabilities, actions) => {
    expect(actionsFromCapabilities(capabilities)).toEqual(actions);
  });
});

describe('discoveredOf', () => {
  it.each([
    ['outbound placed elsewhere', call({ state: 'Dialing', callType: 'Outbound', dnis: '02071234567' }), { direction: 'outbound', number: '02071234567' }],
    ['inbound by call type', call({ state: 'Established', callType: 'Inbound', ani: '5001', dnis: '5005' }), { direction: 'inbound', number: '5001' }],
    ['ringing without ani', call({ state: 'Ringing', dnis: '5005', participants: ['5002'] }), { direction: 'inbound', number: '5002' }],
    ['nothing to show', call({ state: 'Dialing', dnis: undefined, participants: [] }), { direction: 'outbound', number: '' }],
  ])('%s', (_name, gwsCall, expected) => {
    expect(discoveredOf(gwsCall)).toEqual({
      direction: expected.direction,
      target: { kind: 'phone', input: expected.number, number: expected.number },
    });
  });
});
