import { describe, expect, it } from 'vitest';
import { readSetGuid } from './gatewayClient';
import { AgentEventSchema, contentCallId, contentField, parseCallId, parseCallInfo, parseEnvelope, parseSkills } from './wire';

describe('parseEnvelope (vendors/huawei.md §6 rule 2)', () => {
  it.each([
    ['documented success', '{"message":"","retcode":"0","result":"1455885056-1095"}', { retcode: '0', message: '', result: '1455885056-1095', event: null }],
    ['message "success"', '{"message":"success","retcode":"0","result":{}}', { retcode: '0', message: 'success', result: {}, event: null }],
    ['old gateways: msg instead of message', '{"msg":"agent not login","retcode":"100-006"}', { retcode: '100-006', message: 'agent not login', result: undefined, event: null }],
    ['retcode as a number', '{"message":"","retcode":0,"result":null}', { retcode: '0', message: '', result: null, event: null }],
    ['null message', '{"message":null,"retcode":"0"}', { retcode: '0', message: '', result: undefined, event: null }],
    ['message of the wrong type', '{"message":12,"retcode":"0"}', { retcode: '0', message: '', result: undefined, event: null }],
    ['event poll with an event', '{"message":"","retcode":"0","event":{"eventType":"AgentState_Ready","workNo":"291","content":null}}', {
      retcode: '0',
      message: '',
      result: undefined,
      event: { eventType: 'AgentState_Ready', workNo: '291', content: null },
    }],
    ['event poll without an event', '{"message":"","retcode":"0","event":null}', { retcode: '0', message: '', result: undefined, event: null }],
    ['padded retcode', '{"message":"","retcode":" 100-002 "}', { retcode: '100-002', message: '', result: undefined, event: null }],
  ])('%s', (_name, body, expected) => {
    expect(parseEnvelope(body)).toEqual(expected);
  });

  it.each([
    ['not JSON', '<html>502 Bad Gateway</html>'],
    ['no retcode', '{"message":"","result":"1"}'],
    ['retcode of the wrong type', '{"retcode":{"code":"0"}}'],
    ['a JSON array', '[1,2]'],
    ['empty body', ''],
  ])('rejects %s', (_name, body) => {
    expect(parseEnvelope(body)).toBeUndefined();
  });
});

describe('event content (vendors/huawei.md §6 rule 3)', () => {
  it.each([
    ['bare callid string', '1456402370-7', '1456402370-7'],
    ['bare callid number', 1456402370, '1456402370'],
    ['callid field', { callid: '1456401416-3', otherPhone: '70092' }, '1456401416-3'],
    ['camelCase callId', { callId: '1589167025-134428', detect: 1552 }, '1589167025-134428'],
    ['upper-case CALLID', { CALLID: '7-7' }, '7-7'],
    ['null content', null, undefined],
    ['empty string', '  ', undefined],
    ['object without a call id', { phoneState: 3 }, undefined],
    ['call id of the wrong type', { callid: { id: 1 } }, undefined],
  ])('call id from %s', (_name, content, expected) => {
    expect(contentCallId(content)).toBe(expected);
  });

  it.each([
    ['string', { feature: '7' }, 'feature', '7'],
    ['number', { feature: 7 }, 'feature', '7'],
    ['boolean', { isForceChange: false }, 'isforcechange', 'false'],
    ['different case', { OtherPhone: '70092' }, 'otherPhone', '70092'],
    ['empty', { desc: '' }, 'desc', undefined],
    ['absent', {}, 'desc', undefined],
    ['content is a string', 'x', 'desc', undefined],
  ])('field read from a %s', (_name, content, field, expected) => {
    expect(contentField(content, field)).toBe(expected);
  });

  it('reads events tolerantly and rejects what is not one', () => {
    expect(AgentEventSchema.safeParse({ eventType: 'AgentState_Busy', workNo: 49999, content: null }).data).toEqual({ eventType: 'AgentState_Busy', workNo: '49999', content: null });
    expect(AgentEventSchema.safeParse({ eventType: 'AgentState_Busy', workNo: { x: 1 } }).data?.workNo).toBeUndefined();
    expect(AgentEventSchema.safeParse({ workNo: '1', content: null }).success).toBe(false);
    expect(AgentEventSchema.safeParse({ eventType: '  ' }).success).toBe(false);
    expect(AgentEventSchema.safeParse('AgentState_Busy').success).toBe(false);
  });
});

describe('operation results', () => {
  it.each([
    ['string', '1455885056-1095', '1455885056-1095'],
    ['number', 42, '42'],
    ['empty', '', undefined],
    ['null', null, undefined],
    ['object', { callid: '1' }, undefined],
  ])('callout result as a %s', (_name, result, expected) => {
    expect(parseCallId(result)).toBe(expected);
  });

  it('reads callinfo, and an empty result as no call', () => {
    expect(parseCallInfo({ callid: '1476838963-224', caller: '70004', called: '60015', callskillid: 20011 })).toEqual({ callId: '1476838963-224', caller: '70004', called: '60015' });
    expect(parseCallInfo({})).toBeUndefined();
    expect(parseCallInfo(null)).toBeUndefined();
  });

  it('reads skills, dropping items without an id', () => {
    expect(parseSkills([{ skillId: 25, skillName: 'voice' }, { skillid: '26' }, { skillName: 'orphan' }, 'junk'])).toEqual([
      { id: '25', name: 'voice' },
      { id: '26', name: '26' },
    ]);
    expect(parseSkills({ skillId: 25 })).toBeUndefined();
  });
});

describe('readSetGuid (vendors/huawei.md §2)', () => {
  it.each([
    ['documented form', 'JSESSIONID=279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0', '279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0'],
    ['with attributes', 'JSESSIONID=abc.AgentGateway1; Path=/', 'abc.AgentGateway1'],
    ['lower-case key', 'jsessionid=abc', 'abc'],
    ['bare value', 'abc.AgentGateway1', 'abc.AgentGateway1'],
    ['other key only', 'OTHER=abc', undefined],
    ['empty', '', undefined],
  ])('%s', (_name, value, expected) => {
    expect(readSetGuid({ headers: { 'set-guid': value } })).toBe(expected);
  });

  it('takes the last of repeated headers, and nothing when absent', () => {
    expect(readSetGuid({ headers: { 'set-guid': ['JSESSIONID=old', 'JSESSIONID=new'] } })).toBe('new');
    expect(readSetGuid({ headers: {} })).toBeUndefined();
  });
});
