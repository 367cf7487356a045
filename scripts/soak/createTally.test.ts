import { describe, expect, it } from 'vitest';
import type { CreateVerdict } from './protocol';
import { countDuplicates, createVerdict, dialledNumber, intentTruths, numberKey, surelyNotPlaced, type IntentTruth } from './createTally';

describe('dialledNumber', () => {
  it.each([
    ['genesys', '/api/v2/me/devices/d/calls', '{"operationName":"Dial","destination":{"phoneNumber":"5001234"}}', '5001234'],
    ['huawei', '/agentgateway/resource/voicecall/40038/callout', '{"caller":"40038","called":"60012345"}', '60012345'],
    ['vonage', '/v0/a1b2c3d4e5/calls/', '{"from":{"agentId":"1234"},"to":{"telephoneNumber":"02070012345"}}', '02070012345'],
    ['iovox', '/Calling', '<request><link_id>link123</link_id><call_destination>449700123451,,2</call_destination></request>', '449700123451'],
    ['oracle', '/call/2.0/367901/12020012345', '{}', '12020012345'],
  ] as const)('%s: reads the number from the request', (vendor, path, body, expected) => {
    expect(dialledNumber(vendor, path, body)).toBe(expected);
  });

  it('keys numbers in any format by their last eight digits', () => {
    expect(numberKey('+44 20 7001 2345')).toBe(numberKey('02070012345'));
  });
});

describe('createVerdict', () => {
  it.each([
    ['genesys', 200, '{"statusCode":0}', 'placed'],
    ['genesys', 500, '{"statusCode":4,"statusMessage":"x"}', 'refused'],
    ['huawei', 200, '{"message":"","retcode":"0","result":"1-1"}', 'placed'],
    ['huawei', 200, '{"message":"","retcode":"000-003"}', 'refused-before-processing'],
    ['huawei', 200, '{"message":"","retcode":"100-006"}', 'refused-before-processing'],
    ['huawei', 503, 'Service Unavailable', 'refused'],
    ['vonage', 201, '{"id":"x"}', 'placed'],
    ['vonage', 401, '{"message":"Authorization has been denied for this request."}', 'refused-before-processing'],
    ['vonage', 429, '', 'refused'],
    ['iovox', 201, '', 'placed'],
    ['iovox', 500, '<errors/>', 'refused'],
    ['oracle', 200, '{"sessionId":"1TfU02Xfme2GMuzfUh0rkdgvz4"}', 'placed'],
    ['oracle', 200, 'garbage', 'refused'],
    ['oracle', undefined, '', 'no-answer'],
  ] as const)('%s %s %s → %s', (vendor, status, body, expected) => {
    expect(createVerdict(vendor, status, body)).toBe(expected);
  });
});

describe('intentTruths', () => {
  it('keys intents by vendor and number, and takes the call count from the emulator state where it has one', () => {
    const truths = intentTruths({
      creates: { genesys: [{ key: '1', verdict: 'no-answer' }], huawei: [{ key: '1', verdict: 'placed' }], vonage: [], iovox: [], oracle: [] },
      placed: { genesys: { '1': 1 }, huawei: undefined, vonage: undefined, iovox: {}, oracle: {} },
    });
    expect(truths.get('genesys:1')).toEqual({ verdicts: ['no-answer'], placedByState: 1 });
    expect(truths.get('huawei:1')).toEqual({ verdicts: ['placed'], placedByState: undefined });
  });

  it.each([
    [{ verdicts: ['refused', 'refused-before-processing'], placedByState: undefined }, true],
    [{ verdicts: ['no-answer'], placedByState: undefined }, false],
    [{ verdicts: ['no-answer'], placedByState: 0 }, true],
    [{ verdicts: ['refused'], placedByState: 1 }, false],
    [undefined, true],
  ] as Array<[IntentTruth | undefined, boolean]>)('%j: surely not placed is %s', (truth, expected) => {
    expect(surelyNotPlaced(truth)).toBe(expected);
  });
});

describe('countDuplicates', () => {
  const truth = (verdicts: CreateVerdict[], placedByState?: number): IntentTruth => ({ verdicts, placedByState });

  it.each([
    ['one call', [truth(['placed'])], { extraCalls: 0, repeatedRequests: 0, duplicates: 0 }],
    ['a repeat after a proven refusal', [truth(['refused-before-processing', 'placed'])], { extraCalls: 0, repeatedRequests: 0, duplicates: 0 }],
    ['a repeat after no answer', [truth(['no-answer', 'placed'])], { extraCalls: 0, repeatedRequests: 1, duplicates: 1 }],
    ['two calls', [truth(['placed', 'placed'])], { extraCalls: 1, repeatedRequests: 1, duplicates: 1 }],
    ['two calls in the emulator state for one request', [truth(['no-answer'], 2)], { extraCalls: 1, repeatedRequests: 0, duplicates: 1 }],
    ['a repeat after a refusal', [truth(['refused', 'refused'])], { extraCalls: 0, repeatedRequests: 1, duplicates: 1 }],
    ['separate intents', [truth(['placed']), truth(['placed'])], { extraCalls: 0, repeatedRequests: 0, duplicates: 0 }],
  ])('%s', (_name, input, expected) => {
    expect(countDuplicates(input)).toEqual(expected);
  });
});
