import { describe, expect, it } from 'vitest';
import { parseEndState, parseOracleStatus, parseOracleTime, parseStartSessionId, vendorText } from './statusResponse';

describe('parseOracleStatus', () => {
  it.each([
    [
      'the documented scheduled example',
      '{"sessionid":"NND4QvEgFlltU0ObJtGbgGRfO4X","callState":"scheduled","time":"2013-07-25 4:35:50","scheduledTime":"2013-07-29 16:30:00","more":"no","hasChanged":"yes"}',
      { sessionId: 'NND4QvEgFlltU0ObJtGbgGRfO4X', callState: 'scheduled', time: Date.UTC(2013, 6, 25, 4, 35, 50), scheduledTime: Date.UTC(2013, 6, 29, 16, 30), more: 'no' },
    ],
    [
      'the documented unknown example',
      '{"sessionid":"NND4QvEgFlltU0ObJtGbgGRfO4X","callState":"unknown","more":"maybe","hasChanged":"yes"}',
      { callState: 'unknown', time: undefined, more: 'maybe' },
    ],
    [
      'the documented initiated example',
      '{"sessionid":"1TfU02Xfme2GMuzfUh0rkdgvz4","callState":"initiated","time":" 1343129570","more":"yes","hasChanged":"yes"}',
      { sessionId: '1TfU02Xfme2GMuzfUh0rkdgvz4', callState: 'initiated', time: 1_343_129_570_000, more: 'yes' },
    ],
    ['integer time and sessionId', '{"sessionId":"abc","callState":"connected","time":1343129590,"more":"yes"}', { sessionId: 'abc', callState: 'connected', time: 1_343_129_590_000 }],
    ['an upper-case state', '{"callState":"DISCONNECTED","more":"NO"}', { callState: 'disconnected', rawCallState: 'DISCONNECTED', more: 'no' }],
    ['a state Oracle does not document', '{"callState":"ringing","more":"yes"}', { callState: 'unknown', rawCallState: 'ringing' }],
    ['no more field', '{"callState":"connected","extra":{"x":1}}', { callState: 'connected', more: 'maybe' }],
    ['an unreadable time', '{"callState":"connected","time":"soon"}', { callState: 'connected', time: undefined }],
  ])('reads %s', (_name, text, expected) => expect(parseOracleStatus(text)).toMatchObject(expected));

  it.each(['', 'not json', '[]', '{"state":"connected"}', '{"callState":5}', 'cb({"callState":"connected"})'])('gives up on %j', (text) => {
    expect(parseOracleStatus(text)).toBeUndefined();
  });
});

describe('parseOracleTime', () => {
  it.each<[number | string | undefined, number | undefined]>([
    [1343129570, 1_343_129_570_000],
    [' 1343129570', 1_343_129_570_000],
    [1_343_129_570_123, 1_343_129_570_123],
    ['2013-07-25 4:35:50', Date.UTC(2013, 6, 25, 4, 35, 50)],
    ['yesterday', undefined],
    [undefined, undefined],
  ])('%j → %j', (value, ms) => expect(parseOracleTime(value)).toBe(ms));
});

describe('start, end and error bodies', () => {
  it.each([
    ['{"sessionId":"1TfU02Xfme2GMuzfUh0rkdgvz4"}', '1TfU02Xfme2GMuzfUh0rkdgvz4'],
    ['{"sessionid":"1TfU02Xfme2GMuzfUh0rkdgvz4"}', '1TfU02Xfme2GMuzfUh0rkdgvz4'],
    ['{}', undefined],
    ['{"sessionId":""}', undefined],
    ['<html>', undefined],
  ])('session id of %s', (text, sessionId) => expect(parseStartSessionId(text)).toBe(sessionId));

  it.each([
    ['{"callState":"ended"}', 'ended'],
    ['ok', undefined],
  ])('end state of %s', (text, state) => expect(parseEndState(text)).toBe(state));

  it.each([
    [403, 'The call has already ended.', 'The call has already ended.'],
    [404, '  Attempt to end the call failed.\n', 'Attempt to end the call failed.'],
    [404, '{"statuscode":"404","reason":"Call could not be started"}', 'Call could not be started'],
    [400, '{"message":"bad delay"}', 'bad delay'],
    [405, '', 'HTTP 405'],
  ])('vendor text of %i %j', (status, body, text) => expect(vendorText(status, body)).toBe(text));
});
