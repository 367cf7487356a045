import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { DialIntent } from '../adapter';
import { planDial } from './dialPlan';
import { backoffDelayMs } from './eventPoller';
import { dtmfChunks } from './postDialPlayer';

const PROFILE = { phoneNumber: '40038' };
const phoneIntent = (number: string, extra: Partial<DialIntent> = {}): DialIntent => ({ localId: 'L1', target: { kind: 'phone', input: number, number }, ...extra });

function failure(intent: DialIntent): AppError {
  try {
    planDial(intent, PROFILE, 2000);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('planDial accepted the intent');
}

describe('planDial: request bodies (vendor-docs/huawei-ccgateway-callout.txt)', () => {
  it('callout with the profile phone as caller and voice by default', () => {
    expect(planDial(phoneIntent('70092'), PROFILE, 2000)).toEqual({ operation: 'callout', body: { caller: '40038', called: '70092', mediaability: 0 }, postDial: [] });
  });

  it('callout with every documented field, as in the documentation example', () => {
    const intent = phoneIntent('40040', { from: { presentedCli: '10086' }, options: { vendor: 'huawei', skillId: 25, callAppData: '', mediaAbility: 1 } });
    expect(planDial(intent, PROFILE, 2000).body).toEqual({ caller: '10086', called: '40040', skillid: 25, callappdata: '', mediaability: 1 });
  });

  it.each(['*', '#', '*100#', '123456789012345678901234'])('accepts called %s', (called) => {
    expect(planDial(phoneIntent(called), PROFILE, 2000).body.called).toBe(called);
  });

  it('callinner for an agent target', () => {
    expect(planDial({ localId: 'L1', target: { kind: 'agent', agentId: '40040' }, options: { vendor: 'huawei', skillId: 25 } }, PROFILE, 2000)).toEqual({
      operation: 'callinner',
      body: { called: '40040', skillid: 25 },
      postDial: [],
    });
  });

  it('post-dial digits become tone and pause steps with the configured pause', () => {
    const intent: DialIntent = { localId: 'L1', target: { kind: 'phone', input: '70092', number: '70092', postDial: ',,12#,*9' } };
    expect(planDial(intent, PROFILE, 50).postDial).toEqual([{ pauseMs: 100 }, { digits: '12#' }, { pauseMs: 50 }, { digits: '*9' }]);
  });

  it('accepts call data of exactly 16384 UTF-8 bytes', () => {
    const data = '\u00e9'.repeat(8192);
    expect(planDial(phoneIntent('70092', { options: { vendor: 'huawei', callAppData: data } }), PROFILE, 2000).body.callappdata).toBe(data);
  });
});

describe('planDial: rejected before anything is sent', () => {
  it.each<[string, DialIntent, { code: string; path?: string; message: RegExp }]>([
    ['called too long', phoneIntent('1234567890123456789012345'), { code: 'VALIDATION', path: 'target.number', message: /It cannot be left empty and must be a 1- to 24-digit number or \* or #\./ }],
    ['called empty', phoneIntent(''), { code: 'VALIDATION', path: 'target.number', message: /must be a 1- to 24-digit number/ }],
    ['called E.164 with +', phoneIntent('+442079460000'), { code: 'VALIDATION', path: 'target.number', message: /Cannot dial "\+442079460000"/ }],
    ['called with letters', phoneIntent('0800FLOWERS'), { code: 'VALIDATION', path: 'target.number', message: /Called number/ }],
    ['caller too long', phoneIntent('70092', { from: { presentedCli: '1234567890123456789012345' } }), { code: 'VALIDATION', path: 'from.presentedCli', message: /maximum of 24 digits/ }],
    ['caller not digits', phoneIntent('70092', { from: { presentedCli: '+4420' } }), { code: 'VALIDATION', path: 'from.presentedCli', message: /maximum of 24 digits/ }],
    [
      'call data over 16 KB',
      phoneIntent('70092', { options: { vendor: 'huawei', callAppData: 'x'.repeat(16385) } }),
      { code: 'VALIDATION', path: 'options.callAppData', message: /16385 bytes\. Call-associated data\. It can be left empty\. The maximum value is 16 KB\./ },
    ],
    [
      'call data over 16 KB in UTF-8 only',
      phoneIntent('70092', { options: { vendor: 'huawei', callAppData: '\u00e9'.repeat(8193) } }),
      { code: 'VALIDATION', path: 'options.callAppData', message: /16386 bytes/ },
    ],
    ['negative skill', phoneIntent('70092', { options: { vendor: 'huawei', skillId: -1 } }), { code: 'VALIDATION', path: 'options.skillId', message: /numeral format/ }],
    ['fractional skill', phoneIntent('70092', { options: { vendor: 'huawei', skillId: 2.5 } }), { code: 'VALIDATION', path: 'options.skillId', message: /numeral format/ }],
    ['another vendor\u2019s options', phoneIntent('70092', { options: { vendor: 'genesys' } }), { code: 'VALIDATION', path: 'options.vendor', message: /genesys/ }],
    ['a schedule', phoneIntent('70092', { schedule: { kind: 'in', amount: 5, unit: 'minutes' } }), { code: 'NOT_SUPPORTED', message: /cannot schedule/ }],
    ['a group target', { localId: 'L1', target: { kind: 'groups', groupIds: ['030'] } }, { code: 'NOT_SUPPORTED', message: /cannot call a group/ }],
    ['placing from another agent', phoneIntent('70092', { from: { agentId: '4567' } }), { code: 'NOT_SUPPORTED', message: /signed-in agent only/ }],
    ['agent id out of range', { localId: 'L1', target: { kind: 'agent', agentId: '60000' } }, { code: 'VALIDATION', path: 'target.agentId', message: /ranges from 101 to 59999/ }],
    ['agent id not digits', { localId: 'L1', target: { kind: 'agent', agentId: 'sam' } }, { code: 'VALIDATION', path: 'target.agentId', message: /ranges from 101 to 59999/ }],
    [
      'post-dial with a letter',
      { localId: 'L1', target: { kind: 'phone', input: '70092', number: '70092', postDial: '12a' } },
      { code: 'VALIDATION', path: 'target.postDial', message: /"a" at position 3/ },
    ],
    [
      'post-dial asking to mute prompts',
      { localId: 'L1', target: { kind: 'phone', input: '70092', number: '70092', postDial: '.12' } },
      { code: 'NOT_SUPPORTED', message: /cannot mute prompts/ },
    ],
  ])('%s', (_name, intent, expected) => {
    const error = failure(intent);
    expect(error.code).toBe(expected.code);
    expect(error.message).toMatch(expected.message);
    expect(error.hint).toBeTruthy();
    if (expected.path) expect(error.path).toBe(expected.path);
  });
});

describe('small rules', () => {
  it.each([
    ['', []],
    ['1', ['1']],
    ['123456789012345678901234', ['123456789012345678901234']],
    ['1234567890123456789012345', ['123456789012345678901234', '5']],
  ])('dtmfChunks(%j)', (digits, chunks) => {
    expect(dtmfChunks(digits)).toEqual(chunks);
  });

  it.each([
    [1, 0, 50],
    [1, 1, 100],
    [2, 0, 100],
    [3, 1, 400],
    [10, 1, 1000],
    [10, 0, 500],
  ])('backoff after %i failures with random %d is %i ms (base 100, max 1000)', (failures, random, expected) => {
    expect(backoffDelayMs(failures, { backoffBaseMs: 100, backoffMaxMs: 1000 }, () => random)).toBe(expected);
  });
});
