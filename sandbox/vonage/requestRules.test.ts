import { describe, expect, it } from 'vitest';
import { VCC_MESSAGES } from './messages';
import { checkCallRequest } from './requestRules';

const JSON_TYPE = 'application/json';
const agentToNumber = { from: { agentId: '1234' }, to: { telephoneNumber: '02072068888' } };

describe('checkCallRequest: documented 400 messages and the order of the checks', () => {
  const cases: Array<{ name: string; body: unknown; message: string }> = [
    { name: 'from.telephoneNumber', body: { from: { telephoneNumber: '02072068888', agentId: 'x' }, to: {} }, message: VCC_MESSAGES.telephoneNumberNotSupported },
    { name: 'from without agent or groups', body: { from: { presentedCLID: '08008888888' }, to: { telephoneNumber: '02072068888' } }, message: VCC_MESSAGES.agentIdRequired },
    { name: 'no from at all', body: { to: { telephoneNumber: '02072068888' } }, message: VCC_MESSAGES.agentIdRequired },
    { name: 'empty groups', body: { from: { groups: [] }, to: { telephoneNumber: '02072068888' } }, message: VCC_MESSAGES.agentIdRequired },
    { name: 'non-digit from agent', body: { from: { agentId: '12a4' }, to: { telephoneNumber: '02072068888' } }, message: VCC_MESSAGES.agentIdNotDigits },
    { name: 'non-digit to agent', body: { from: { agentId: '1234' }, to: { agentId: 'agent' } }, message: VCC_MESSAGES.agentIdNotDigits },
    { name: 'non-digit wins over length', body: { from: { agentId: '123456789012' }, to: { agentId: 'x' } }, message: VCC_MESSAGES.agentIdNotDigits },
    { name: '12-digit agent', body: { from: { agentId: '123456789012' }, to: { telephoneNumber: '02072068888' } }, message: VCC_MESSAGES.agentIdTooLong },
    { name: 'agent checks before destination', body: { from: { agentId: '1x' }, to: {} }, message: VCC_MESSAGES.agentIdNotDigits },
    { name: 'no destination', body: { from: { agentId: '1234' }, to: {} }, message: VCC_MESSAGES.destinationRequired },
    { name: 'no to at all', body: { from: { agentId: '1234' } }, message: VCC_MESSAGES.destinationRequired },
    { name: 'both destinations', body: { from: { agentId: '1234' }, to: { telephoneNumber: '02072068888', agentId: '4567' } }, message: VCC_MESSAGES.destinationAmbiguous },
    { name: '31-character number', body: { from: { agentId: '1234' }, to: { telephoneNumber: '1'.repeat(31) } }, message: VCC_MESSAGES.telephoneNumberTooLong },
    { name: 'letters in the number', body: { from: { agentId: '1234' }, to: { telephoneNumber: '0207ABC8888' } }, message: VCC_MESSAGES.numberInvalid },
    { name: 'two-digit number', body: { from: { agentId: '1234' }, to: { telephoneNumber: '12' } }, message: VCC_MESSAGES.numberInvalid },
    { name: '2001-character reference', body: { ...agentToNumber, regarding: { reference: 'a'.repeat(2001) } }, message: VCC_MESSAGES.referenceTooLong },
    { name: 'reference with spaces', body: { ...agentToNumber, regarding: { reference: 'case 42' } }, message: VCC_MESSAGES.referenceInvalid },
    { name: 'reference with a non-http URL', body: { ...agentToNumber, regarding: { reference: 'ftp://files.example/x' } }, message: VCC_MESSAGES.referenceInvalid },
    { name: '33-character application', body: { ...agentToNumber, application: 'A'.repeat(33) }, message: VCC_MESSAGES.applicationTooLong },
    { name: 'application with a hyphen', body: { ...agentToNumber, application: 'my-app' }, message: VCC_MESSAGES.applicationNotAlphanumeric },
    { name: 'application with a space', body: { ...agentToNumber, application: 'My App' }, message: VCC_MESSAGES.applicationNotAlphanumeric },
    { name: 'reference checked before application', body: { ...agentToNumber, regarding: { reference: '#' }, application: '#' }, message: VCC_MESSAGES.referenceInvalid },
    { name: 'agent and groups together', body: { from: { agentId: '5464', groups: ['030'] }, to: { telephoneNumber: '07970303957' } }, message: VCC_MESSAGES.requestInvalid },
    { name: 'consent outside the enum', body: { from: { agentId: '1234', consent: 'Everyone' }, to: { telephoneNumber: '02072068888' } }, message: VCC_MESSAGES.requestInvalid },
    { name: 'agentId as a number', body: { from: { agentId: 1234 }, to: { telephoneNumber: '02072068888' } }, message: VCC_MESSAGES.requestInvalid },
    { name: 'a JSON array', body: [agentToNumber], message: VCC_MESSAGES.requestInvalid },
  ];

  it.each(cases)('$name → "$message"', ({ body, message }) => {
    expect(checkCallRequest(JSON_TYPE, JSON.stringify(body))).toEqual({ ok: false, status: 400, message });
  });

  it('answers "The request is invalid." for malformed JSON', () => {
    expect(checkCallRequest(JSON_TYPE, '{"from":')).toEqual({ ok: false, status: 400, message: VCC_MESSAGES.requestInvalid });
  });

  it.each([
    ['multipart/form-data; boundary=----x', "The requested resource does not support content type 'multipart/form-data'."],
    ['application/x-www-form-urlencoded', "The requested resource does not support content type 'application/x-www-form-urlencoded'."],
    [undefined, "The requested resource does not support content type 'application/octet-stream'."],
  ])('answers 415 for content type %s', (contentType, message) => {
    expect(checkCallRequest(contentType, JSON.stringify(agentToNumber))).toEqual({ ok: false, status: 415, message });
  });

  it.each(['application/json', 'application/json; version=6', 'application/json;version=6', 'Application/JSON; charset=utf-8'])(
    'accepts content type %s',
    (contentType) => {
      expect(checkCallRequest(contentType, JSON.stringify(agentToNumber)).ok).toBe(true);
    },
  );

  it('binds property names regardless of case, as the .NET binder does', () => {
    const outcome = checkCallRequest(JSON_TYPE, JSON.stringify({ From: { AgentId: '1234', presentedClid: '08008888888' }, TO: { telephonenumber: '02072068888' } }));
    expect(outcome).toEqual({ ok: true, request: { from: { agentId: '1234', presentedCLID: '08008888888' }, to: { telephoneNumber: '02072068888' } } });
  });

  it('keeps every documented field of a valid request', () => {
    const body = {
      from: { groups: ['030', '200'], presentedCLID: '01256636451', consent: 'TwoParty' },
      to: { telephoneNumber: '+442072068888', consent: 'Unknown' },
      regarding: { reference: 'http://Test.com' },
      application: 'TestApp',
    };
    expect(checkCallRequest(JSON_TYPE, JSON.stringify(body))).toEqual({
      ok: true,
      request: {
        from: { groups: ['030', '200'], presentedCLID: '01256636451', consent: 'TwoParty' },
        to: { telephoneNumber: '+442072068888', consent: 'Unknown' },
        reference: 'http://Test.com',
        application: 'TestApp',
      },
    });
  });

  it('accepts the limits themselves: 30-character number, 11-digit agent, 2000-character reference, 32-character application', () => {
    const body = {
      from: { agentId: '12345678901' },
      to: { telephoneNumber: '1'.repeat(30) },
      regarding: { reference: 'a'.repeat(2000) },
      application: 'A'.repeat(32),
    };
    expect(checkCallRequest(JSON_TYPE, JSON.stringify(body)).ok).toBe(true);
  });
});
