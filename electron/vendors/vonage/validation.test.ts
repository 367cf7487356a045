import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { DialIntent } from '../adapter';
import type { CallRequestBody } from './requestBody';
import { checkDialSupported, validateCallRequestBody, validationError } from './validation';

const to = { telephoneNumber: '02072068888' };

describe('validateCallRequestBody: documented limits, the vendor’s messages, its order', () => {
  const cases: Array<[string, CallRequestBody, string | undefined, string | undefined]> = [
    ['a valid agent → number', { from: { agentId: '1234' }, to }, undefined, undefined],
    ['a valid groups → agent', { from: { groups: ['030'] }, to: { agentId: '4567' } }, undefined, undefined],
    ['the limits themselves', { from: { agentId: '12345678901' }, to: { telephoneNumber: `+${'1'.repeat(29)}` }, regarding: { reference: 'a'.repeat(2000) }, application: 'A'.repeat(32) }, undefined, undefined],
    ['a URL reference', { from: { agentId: '1234' }, to, regarding: { reference: 'https://crm.example/case/42?tab=calls' } }, undefined, undefined],
    ['no caller', { from: {}, to }, 'Agent Id must be specified', 'from.agentId'],
    ['caller with letters', { from: { agentId: '12a' }, to }, 'Agent Id must contain digits only', 'from.agentId'],
    ['empty caller', { from: { agentId: '' }, to }, 'Agent Id must contain digits only', 'from.agentId'],
    ['destination agent with letters', { from: { agentId: '1234' }, to: { agentId: 'x' } }, 'Agent Id must contain digits only', 'to.agentId'],
    ['non-digits before length', { from: { agentId: '123456789012' }, to: { agentId: 'x' } }, 'Agent Id must contain digits only', 'to.agentId'],
    ['12-digit caller', { from: { agentId: '123456789012' }, to }, 'Agent Id exceeds 11 digits', 'from.agentId'],
    ['empty destination', { from: { agentId: '1234' }, to: { telephoneNumber: '' } }, 'Either telephone number or agent id required', 'to'],
    ['no destination', { from: { agentId: '1234' }, to: {} }, 'Either telephone number or agent id required', 'to'],
    ['two destinations', { from: { agentId: '1234' }, to: { telephoneNumber: '02072068888', agentId: '4567' } }, 'Either telephone number or agent id required, not both', 'to'],
    ['31-character number', { from: { agentId: '1234' }, to: { telephoneNumber: '0'.repeat(31) } }, 'Telephone number exceeds 30 characters', 'to.telephoneNumber'],
    ['number with spaces', { from: { agentId: '1234' }, to: { telephoneNumber: '020 7206 8888' } }, 'Unable to place call - number is invalid', 'to.telephoneNumber'],
    ['2001-character reference', { from: { agentId: '1234' }, to, regarding: { reference: 'a'.repeat(2001) } }, 'Reference exceeded 2000 characters', 'regarding.reference'],
    ['reference with punctuation', { from: { agentId: '1234' }, to, regarding: { reference: 'ACME-42' } }, 'Reference contained invalid characters', 'regarding.reference'],
    ['mailto reference', { from: { agentId: '1234' }, to, regarding: { reference: 'mailto:a@b.example' } }, 'Reference contained invalid characters', 'regarding.reference'],
    ['33-character application', { from: { agentId: '1234' }, to, application: 'A'.repeat(33) }, 'Application exceeded 32 characters', 'application'],
    ['empty application', { from: { agentId: '1234' }, to, application: '' }, 'Application contains non-alphanumeric characters', 'application'],
    ['application with a space', { from: { agentId: '1234' }, to, application: 'Test App' }, 'Application contains non-alphanumeric characters', 'application'],
    ['caller wins over destination', { from: { agentId: 'x' }, to: {} }, 'Agent Id must contain digits only', 'from.agentId'],
    ['destination wins over reference', { from: { agentId: '1234' }, to: {}, regarding: { reference: '#' } }, 'Either telephone number or agent id required', 'to'],
    ['reference wins over application', { from: { agentId: '1234' }, to, regarding: { reference: '#' }, application: '#' }, 'Reference contained invalid characters', 'regarding.reference'],
  ];

  it.each(cases)('%s', (_name, body, message, path) => {
    const issue = validateCallRequestBody(body);
    if (message === undefined) {
      expect(issue).toBeUndefined();
      return;
    }
    expect(issue).toBeDefined();
    if (!issue) return;
    expect(validationError(issue)).toMatchObject({ code: 'VALIDATION', message, path });
  });

  it('names a call from an agent and groups in its own words', () => {
    const issue = validateCallRequestBody({ from: { agentId: '5464', groups: ['030'] }, to });
    expect(issue && validationError(issue)).toMatchObject({ code: 'VALIDATION', path: 'from', message: 'Call either from an agent or from groups, not both.' });
  });
});

describe('checkDialSupported', () => {
  const base: DialIntent = { localId: 'l', target: { kind: 'phone', input: '02072068888', number: '+442072068888' } };

  it.each<[string, DialIntent, string, string]>([
    ['post-dial digits', { ...base, target: { kind: 'phone', input: '02072068888,1', number: '+442072068888', postDial: ',1' } }, 'NOT_SUPPORTED', 'target.postDial'],
    ['a schedule in seconds', { ...base, schedule: { kind: 'in', amount: 30, unit: 'seconds' } }, 'NOT_SUPPORTED', 'schedule'],
    ['a schedule at a time', { ...base, schedule: { kind: 'at', at: '2030-01-01T09:00:00Z' } }, 'NOT_SUPPORTED', 'schedule'],
    ['a groups destination', { ...base, target: { kind: 'groups', groupIds: ['030'] } }, 'NOT_SUPPORTED', 'target'],
    ['another vendor’s options', { ...base, options: { vendor: 'iovox' } }, 'VALIDATION', 'options'],
  ])('refuses %s', (_name, intent, code, path) => {
    let caught: unknown;
    try {
      checkDialSupported(intent);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code, path });
  });

  it('lets through what VCC can express, options included', () => {
    const intent: DialIntent = { ...base, from: { agentId: '5464' }, options: { vendor: 'vonage', application: 'appName' } };
    expect(checkDialSupported(intent)).toEqual({ localId: 'l', target: base.target, from: { agentId: '5464' }, options: { vendor: 'vonage', application: 'appName' } });
  });

  it('accepts an empty post-dial field', () => {
    expect(() => checkDialSupported({ ...base, target: { ...base.target, postDial: '' } as DialIntent['target'] })).not.toThrow();
  });
});
