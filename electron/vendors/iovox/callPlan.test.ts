import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { Schedule } from '../../../shared/ipc/contract';
import type { DialIntent } from '../adapter';
import { iovoxDelayMinutes, iovoxDestinationDigits, iovoxKeypressSuffix, iovoxVariables, planIovoxCall } from './callPlan';

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('iovoxDestinationDigits', () => {
  it.each([
    ['+449789123123', '449789123123'],
    ['449789123123', '449789123123'],
    ['+1234567', '1234567'],
  ])('%s → %s', (input, digits) => expect(iovoxDestinationDigits(input)).toBe(digits));

  it.each(['+44 9789 123123', '09789123123', '+123456', '+1234567890123456', '+44(0)978', ''])('rejects %j', (input) => {
    const error = rejection(() => iovoxDestinationDigits(input));
    expect(error).toMatchObject({ code: 'VALIDATION', path: 'target.number' });
    expect(error.message).toContain('international number');
  });
});

describe('iovoxKeypressSuffix', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    [',1', ',1'],
    [',,1,,2', ',,1,,2'],
    [',', ','],
  ])('%j → %j', (postDial, suffix) => expect(iovoxKeypressSuffix(postDial)).toBe(suffix));

  it.each([
    ['1', 'must start with ","'],
    ['12,3', 'must start with ","'],
    [',1*', '"*" cannot be sent'],
    [',#', '"#" cannot be sent'],
    [',.1', '"." (mute prompts) is Oracle-only'],
    [',1a', '"a" cannot be sent'],
  ])('rejects %j', (postDial, reason) => {
    const error = rejection(() => iovoxKeypressSuffix(postDial));
    expect(error).toMatchObject({ code: 'VALIDATION', path: 'target.postDial' });
    expect(error.message).toContain(reason);
  });
});

describe('iovoxDelayMinutes', () => {
  it.each<[Schedule | undefined, number | undefined]>([
    [undefined, undefined],
    [{ kind: 'in', amount: 30, unit: 'minutes' }, 30],
    [{ kind: 'in', amount: 1800, unit: 'seconds' }, 30],
    [{ kind: 'in', amount: 60, unit: 'seconds' }, 1],
    [{ kind: 'in', amount: 1440, unit: 'minutes' }, 1440],
  ])('%j → %j minutes', (schedule, minutes) => expect(iovoxDelayMinutes(schedule)).toBe(minutes));

  it.each<[Schedule, string, string]>([
    [{ kind: 'in', amount: 90, unit: 'seconds' }, '90 seconds is not a whole number of minutes', 'Choose 1 or 2 minutes.'],
    [{ kind: 'in', amount: 30, unit: 'seconds' }, '30 seconds is not a whole number of minutes', 'Choose 1 minute.'],
    [{ kind: 'in', amount: 1441, unit: 'minutes' }, 'at most 1440 minutes', 'Choose a shorter delay.'],
    [{ kind: 'in', amount: 86_460, unit: 'seconds' }, '1441 minutes is too long', 'Choose a shorter delay.'],
    [{ kind: 'at', at: '2030-01-01T10:00:00Z' }, 'cannot start a call at a set time', 'Use "Start in" with a number of minutes instead.'],
  ])('rejects %j', (schedule, reason, hint) => {
    const error = rejection(() => iovoxDelayMinutes(schedule));
    expect(error).toMatchObject({ code: 'VALIDATION', path: 'schedule', hint });
    expect(error.message).toContain(reason);
  });
});

describe('iovoxVariables', () => {
  it('keeps names and values as given, in order', () => {
    expect(iovoxVariables({ my_custom_var: 'Bob', 'the.custom-var': 'a<b & "c"' })).toEqual([
      ['my_custom_var', 'Bob'],
      ['the.custom-var', 'a<b & "c"'],
    ]);
  });

  it.each([
    [{ call_destination: '1' }, 'options.variables.call_destination', 'set by the softphone'],
    [{ delay: '5' }, 'options.variables.delay', 'set by the softphone'],
    [{ 'bad name': 'x' }, 'options.variables.bad name', 'cannot be an IOVOX variable name'],
    [{ '1st': 'x' }, 'options.variables.1st', 'cannot be an IOVOX variable name'],
    [{ xmlThing: 'x' }, 'options.variables.xmlThing', 'cannot be an IOVOX variable name'],
    [{ '@_status': 'x' }, 'options.variables.@_status', 'cannot be an IOVOX variable name'],
    [{ 'a></call_variables><link_id': 'x' }, 'options.variables.a></call_variables><link_id', 'cannot be an IOVOX variable name'],
    [{ ok: 'bell\u0007' }, 'options.variables.ok', 'control character'],
    [{ ok: 'x'.repeat(1025) }, 'options.variables.ok', 'longer than 1024'],
  ])('rejects %j', (variables, path, reason) => {
    const error = rejection(() => iovoxVariables(variables));
    expect(error).toMatchObject({ code: 'VALIDATION', path });
    expect(error.message).toContain(reason);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the JavaScript property name %s', (name) => {
    const error = rejection(() => iovoxVariables(Object.fromEntries([[name, 'x']])));
    expect(error).toMatchObject({ code: 'VALIDATION', path: `options.variables.${name}` });
    expect(error.message).toContain('refuse it as a JavaScript property name');
  });

  it('rejects more than 50 variables', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`v${i}`, 'x']));
    expect(rejection(() => iovoxVariables(many)).message).toContain('at most 50 variables');
  });
});

describe('planIovoxCall', () => {
  const phone = (number: string, postDial?: string): DialIntent['target'] => ({ kind: 'phone', input: number, number, ...(postDial ? { postDial } : {}) });

  it('combines number, keypresses, delay and variables', () => {
    const plan = planIovoxCall(
      { localId: 'c1', target: phone('+449789123123', ',,1,,2'), schedule: { kind: 'in', amount: 30, unit: 'minutes' }, options: { vendor: 'iovox', variables: { my_custom_var: 'Bob' } } },
      'link123',
    );
    expect(plan).toEqual({ linkId: 'link123', callDestination: '449789123123,,1,,2', delayMinutes: 30, variables: [['my_custom_var', 'Bob']] });
  });

  it.each<[string, Partial<DialIntent>, string]>([
    ['an agent target', { target: { kind: 'agent', agentId: '4567' } }, 'target'],
    ['a chosen caller', { from: { presentedCli: '441234567890' } }, 'from'],
    ['options of another vendor', { options: { vendor: 'oracle', callAgentFirst: true } }, 'options'],
  ])('rejects %s', (_name, change, path) => {
    const error = rejection(() => planIovoxCall({ localId: 'c1', target: phone('+449789123123'), ...change }, 'link123'));
    expect(error).toMatchObject({ code: 'VALIDATION', path });
  });
});
