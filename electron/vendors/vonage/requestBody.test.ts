import { describe, expect, it } from 'vitest';
import { buildCallRequestBody, wireTelephoneNumber, type VonageDialIntent } from './requestBody';

const profile = { agentId: '1234', numberFormat: 'national-digits' as const };
const london = { kind: 'phone' as const, input: '020 7206 8888', number: '+442072068888' };

describe('buildCallRequestBody', () => {
  const cases: Array<{ name: string; intent: Omit<VonageDialIntent, 'localId'>; profile?: Partial<typeof profile>; wire: unknown }> = [
    { name: 'the profile’s agent calls a number', intent: { target: london }, wire: { from: { agentId: '1234' }, to: { telephoneNumber: '02072068888' } } },
    { name: 'another agent chosen for the call', intent: { target: london, from: { agentId: '5464' } }, wire: { from: { agentId: '5464' }, to: { telephoneNumber: '02072068888' } } },
    { name: 'groups replace the profile’s agent', intent: { target: london, from: { groupIds: ['030', '200'] } }, wire: { from: { groups: ['030', '200'] }, to: { telephoneNumber: '02072068888' } } },
    { name: 'empty groups fall back to the profile’s agent', intent: { target: london, from: { groupIds: [] } }, wire: { from: { agentId: '1234' }, to: { telephoneNumber: '02072068888' } } },
    {
      name: 'an explicit agent and groups are both kept, for validation to name',
      intent: { target: london, from: { agentId: '5464', groupIds: ['030'] } },
      wire: { from: { agentId: '5464', groups: ['030'] }, to: { telephoneNumber: '02072068888' } },
    },
    { name: 'no agent anywhere', intent: { target: london }, profile: { agentId: undefined }, wire: { from: {}, to: { telephoneNumber: '02072068888' } } },
    { name: 'agent destination', intent: { target: { kind: 'agent', agentId: '4567', name: 'Sam' } }, wire: { from: { agentId: '1234' }, to: { agentId: '4567' } } },
    {
      name: 'every field, in the documentation’s order',
      intent: {
        target: london,
        from: { presentedCli: '08008888888' },
        options: { vendor: 'vonage', application: 'appName', reference: '0012400000ATTUQ', toConsent: 'TwoParty', fromConsent: 'OneParty' },
      },
      wire: {
        from: { agentId: '1234', presentedCLID: '08008888888', consent: 'OneParty' },
        to: { telephoneNumber: '02072068888', consent: 'TwoParty' },
        regarding: { reference: '0012400000ATTUQ' },
        application: 'appName',
      },
    },
  ];

  it.each(cases)('$name', ({ intent, profile: overrides, wire }) => {
    const body = buildCallRequestBody({ localId: 'l', ...intent }, { ...profile, ...overrides });
    expect(JSON.stringify(body)).toBe(JSON.stringify(wire));
  });
});

describe('wireTelephoneNumber', () => {
  it.each([
    ['+442072068888', 'national-digits', '02072068888'],
    ['+447970303957', 'national-digits', '07970303957'],
    ['+12133734253', 'national-digits', '2133734253'],
    ['02072068888', 'national-digits', '02072068888'],
    ['+442072068888', 'e164', '+442072068888'],
    ['02072068888', 'e164', '02072068888'],
  ] as const)('%s as %s → %s', (number, format, wire) => {
    expect(wireTelephoneNumber(number, format)).toBe(wire);
  });
});
