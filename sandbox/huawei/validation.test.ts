import { describe, expect, it } from 'vitest';
import {
  isAgentId,
  parseBusyReason,
  parseCallId,
  parseCallInnerBody,
  parseCalloutBody,
  parseDtmfNumber,
  parseSignInBody,
  parseSkillSelection,
} from './validation';

const retcodeOf = (parsed: { ok: boolean; retcode?: string }) => (parsed.ok ? '0' : parsed.retcode);

describe('agent id', () => {
  it.each([
    ['101', true],
    ['291', true],
    ['40038', true],
    ['59999', true],
    ['100', false],
    ['60000', false],
    ['0101', false],
    ['4003a', false],
    ['', false],
    ['123456', false],
  ])('%s → %s', (value, expected) => {
    expect(isAgentId(value)).toBe(expected);
  });
});

describe('callout body', () => {
  const sample = { caller: '40038', called: '40040', skillid: 25, callappdata: '', mediaability: 1 };
  it.each([
    ['the documentation sample', sample, '0'],
    ['only called', { called: '70092' }, '0'],
    ['called with * and #', { called: '*#123#' }, '0'],
    ['called of 24 digits', { called: '1'.repeat(24) }, '0'],
    ['numbers as strings', { called: '70092', skillid: '25', mediaability: '2' }, '0'],
    ['called as a JSON number', { called: 70092 }, '0'],
    ['empty caller, skill and media', { called: '70092', caller: '', skillid: '', mediaability: '' }, '0'],
    ['callappdata of exactly 16384 ASCII bytes', { called: '70092', callappdata: 'a'.repeat(16_384) }, '0'],
    ['callappdata of exactly 16384 UTF-8 bytes', { called: '70092', callappdata: 'é'.repeat(8_192) }, '0'],
    ['called missing', { caller: '40038' }, '000-002'],
    ['called empty', { called: '' }, '000-002'],
    ['called of 25 digits', { called: '1'.repeat(25) }, '000-002'],
    ['called with +', { called: '+447700900123' }, '000-002'],
    ['called with spaces', { called: '7009 2' }, '000-002'],
    ['caller with letters', { called: '70092', caller: 'abc' }, '000-002'],
    ['caller with #', { called: '70092', caller: '40038#' }, '000-002'],
    ['caller of 25 digits', { called: '70092', caller: '1'.repeat(25) }, '000-002'],
    ['skillid not numeric', { called: '70092', skillid: 'voice' }, '000-002'],
    ['skillid negative', { called: '70092', skillid: -1 }, '000-002'],
    ['callappdata of 16385 bytes', { called: '70092', callappdata: 'a'.repeat(16_385) }, '000-002'],
    ['callappdata of 16386 UTF-8 bytes', { called: '70092', callappdata: 'é'.repeat(8_193) }, '000-002'],
    ['callappdata not a string', { called: '70092', callappdata: { a: 1 } }, '000-002'],
    ['mediaability 3', { called: '70092', mediaability: 3 }, '000-002'],
    ['mediaability text', { called: '70092', mediaability: 'video' }, '000-002'],
  ])('%s → %s', (_name, body, expected) => {
    expect(retcodeOf(parseCalloutBody(JSON.stringify(body)))).toBe(expected);
  });

  it.each([['not json'], ['[]'], ['"70092"'], ['']])('body %j → 000-002', (raw) => {
    expect(retcodeOf(parseCalloutBody(raw))).toBe('000-002');
  });

  it('applies the documented defaults', () => {
    expect(parseCalloutBody('{"called":"70092"}')).toEqual({
      ok: true,
      value: { caller: undefined, called: '70092', skillId: undefined, callAppData: '', mediaAbility: 0 },
    });
  });

  it('names the offending field in the message', () => {
    const parsed = parseCalloutBody('{"called":"70092","mediaability":7}');
    expect(parsed.ok ? '' : parsed.message).toContain('mediaability');
  });
});

describe('callinner body', () => {
  it.each([
    [{ called: '40040' }, '0'],
    [{ called: '40040', caller: '40038', skillid: 25, callappdata: 'x' }, '0'],
    [{ called: '99' }, '000-002'],
    [{ called: '70092*' }, '000-002'],
    [{}, '000-002'],
    [{ called: '40040', callappdata: 'a'.repeat(16_385) }, '000-002'],
  ])('%j → %s', (body, expected) => {
    expect(retcodeOf(parseCallInnerBody(JSON.stringify(body)))).toBe(expected);
  });
});

describe('sign-in body', () => {
  it('reads the documentation sample (strings for numbers and booleans)', () => {
    const parsed = parseSignInBody('{"password":"","phonenum":"40038","status":"4","releasephone":"false","agenttype":"4"}');
    expect(parsed).toEqual({
      ok: true,
      value: { password: '', phonenum: '40038', autoAnswer: true, autoEnterIdle: true, releasePhone: false, status: 4, pushMode: false },
    });
  });

  it.each([
    ['empty object (all defaults)', {}, '0'],
    ['real booleans and numbers', { password: 'x', autoanswer: false, status: 3, agenttype: 4 }, '0'],
    ['push mode', { callBackUri: 'https://crm.example/cb', serviceToken: 't' }, '0'],
    ['password of 33 characters', { password: 'p'.repeat(33) }, '100-001'],
    ['autoanswer not a boolean', { autoanswer: 'yes' }, '100-001'],
    ['phonenum with letters', { phonenum: '4003x' }, '100-013'],
    ['phonenum of 25 digits', { phonenum: '1'.repeat(25) }, '100-013'],
    ['agenttype 11', { agenttype: '11' }, '100-012'],
    ['status 7', { status: '7' }, '100-011'],
  ])('%s → %s', (_name, body, expected) => {
    expect(retcodeOf(parseSignInBody(JSON.stringify(body)))).toBe(expected);
  });

  it('refuses a body that is not JSON with 100-001', () => {
    expect(retcodeOf(parseSignInBody('password=x'))).toBe('100-001');
  });

  it('detects push mode only when both callBackUri and serviceToken are present', () => {
    const only = parseSignInBody(JSON.stringify({ callBackUri: 'https://crm.example/cb' }));
    expect(only.ok && only.value.pushMode).toBe(false);
  });
});

describe('seconddialex number', () => {
  it.each([
    ['*', '0'],
    ['#', '0'],
    ['12#34*', '0'],
    ['1'.repeat(24), '0'],
    ['1'.repeat(25), '000-002'],
    ['', '000-002'],
    ['12 34', '000-002'],
    ['+44', '000-002'],
    ['A', '000-002'],
  ])('%j → %s', (value, expected) => {
    expect(retcodeOf(parseDtmfNumber(value))).toBe(expected);
  });

  it('refuses a missing number', () => {
    expect(retcodeOf(parseDtmfNumber(null))).toBe('000-002');
  });
});

describe('small query rules', () => {
  it.each([
    ['true', null, { ok: true, value: 'all' }],
    ['false', '1;2;3', { ok: true, value: [1, 2, 3] }],
    ['false', null, '000-002'],
    ['false', '1;x', '000-002'],
    ['maybe', null, '000-002'],
  ])('resetskill/%s?skillid=%s', (flag, ids, expected) => {
    const parsed = parseSkillSelection(flag, ids);
    if (typeof expected === 'string') expect(retcodeOf(parsed)).toBe(expected);
    else expect(parsed).toEqual(expected);
  });

  it.each([
    [null, '0'],
    ['200', '200'],
  ])('saybusy reason %j → %s', (value, expected) => {
    expect(parseBusyReason(value)).toEqual({ ok: true, value: expected });
  });

  it('refuses a non-numeric busy reason', () => {
    expect(retcodeOf(parseBusyReason('lunch'))).toBe('000-002');
  });

  it.each([
    ['1455885056-1095', '0'],
    ['1455885056', '000-002'],
    ['abc-1', '000-002'],
  ])('gethold callid %s → %s', (value, expected) => {
    expect(retcodeOf(parseCallId(value))).toBe(expected);
  });
});
