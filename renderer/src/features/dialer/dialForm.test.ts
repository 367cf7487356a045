import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../../shared/callModel';
import { normalizeNumber } from '../../../../shared/phoneNumber';
import type { ProfileSummary } from '../../../../shared/session';
import { VENDOR_CAPABILITIES } from '../../../../shared/vendors';
import { buildDialRequest, EMPTY_FORM, numberDoubt, type BuildResult, type DialFormValues } from './dialForm';

const profile = (vendor: Vendor): ProfileSummary => ({ id: vendor, vendor, label: vendor, sandbox: true, capabilities: VENDOR_CAPABILITIES[vendor] });
const now = new Date(2026, 10, 21, 14, 0, 0);
const build = (vendor: Vendor, values: Partial<DialFormValues>, country = 'GB'): BuildResult => buildDialRequest({ ...EMPTY_FORM, ...values }, profile(vendor), country, now);

describe('buildDialRequest', () => {
  it('reads a national number with the chosen country and keeps what was typed', () => {
    expect(build('oracle', { number: '020 7206 8888' })).toEqual({ ok: true, request: { profileId: 'oracle', target: { kind: 'phone', input: '020 7206 8888', number: '+442072068888' } } });
    expect(build('oracle', { number: '(213) 373-4253' }, 'US')).toMatchObject({ ok: true, request: { target: { number: '+12133734253' } } });
  });

  it('keeps internal numbers as dialled', () => {
    expect(build('genesys', { number: '5001' })).toMatchObject({ ok: true, request: { target: { kind: 'phone', input: '5001', number: '5001' } } });
  });

  it.each([
    ['', 'Enter a phone number.'],
    ['  ', 'Enter a phone number.'],
    ['+', 'A phone number needs digits.'],
    ['1'.repeat(41), 'A phone number has at most 40 digits.'],
  ])('refuses the number %j', (number, message) => {
    expect(build('genesys', { number })).toEqual({ ok: false, field: 'number', message });
  });

  it.each([
    ['oracle', '.,1', { ok: true }],
    ['iovox', ',1,,2', { ok: true }],
    ['iovox', '1', { ok: false, field: 'postDial', message: 'IOVOX post-dial digits must start with "," (a 2 s pause after the answer): digits right after the number would be dialled as part of it. Write ",1" to press 1 2 s after the answer.' }],
    ['genesys', ',12#', { ok: true }],
    ['huawei', '.1', { ok: false, field: 'postDial' }],
    ['vonage', '1', { ok: false, field: 'postDial' }],
  ] as const)('post-dial digits on %s: %j', (vendor, postDial, expected) => {
    expect(build(vendor, { number: '+442072068888', postDial })).toMatchObject(expected);
  });

  it('sends post-dial digits with the target', () => {
    expect(build('oracle', { number: '+442072068888', postDial: ' ,123 ' })).toMatchObject({ ok: true, request: { target: { postDial: ',123' } } });
  });

  it('calls an agent chosen in the directory, from another agent or from groups (Vonage)', () => {
    expect(build('vonage', { targetKind: 'agent', agentId: '4567', agentName: 'Sam Agent', fromAgent: '1234' })).toEqual({
      ok: true,
      request: { profileId: 'vonage', target: { kind: 'agent', agentId: '4567', name: 'Sam Agent' }, from: { agentId: '1234' } },
    });
    expect(build('vonage', { number: '020 7206 8888', fromGroups: ['030', '200'] })).toMatchObject({ ok: true, request: { from: { groupIds: ['030', '200'] } } });
    expect(build('vonage', { targetKind: 'agent', agentId: '' })).toEqual({ ok: false, field: 'agent', message: 'Choose the agent to call.' });
    expect(build('vonage', { number: '5', fromAgent: '1234', fromGroups: ['030'] })).toEqual({ ok: false, field: 'fromGroups', message: 'Place the call from an agent or from groups, not both.' });
  });

  it('ignores originator fields the vendor does not have', () => {
    expect(build('oracle', { number: '+442072068888', fromAgent: '1234', fromGroups: ['030'], presentedCli: '123' })).toEqual({
      ok: true,
      request: { profileId: 'oracle', target: { kind: 'phone', input: '+442072068888', number: '+442072068888' } },
    });
  });

  it('schedules in the vendor’s own unit', () => {
    expect(build('oracle', { number: '+442072068888', startIn: '30' })).toMatchObject({ ok: true, request: { schedule: { kind: 'in', amount: 30, unit: 'seconds' } } });
    expect(build('iovox', { number: '+442072068888', startIn: '5' })).toMatchObject({ ok: true, request: { schedule: { kind: 'in', amount: 5, unit: 'minutes' } } });
    expect(build('oracle', { number: '+442072068888', startAt: '14:30' })).toMatchObject({ ok: true, request: { schedule: { kind: 'at', at: new Date(2026, 10, 21, 14, 30).toISOString() } } });
  });

  it.each([
    ['oracle', { startIn: '901' }, 'startIn', '"Start in" can be at most 900 seconds on this profile.'],
    ['iovox', { startIn: '1.5' }, 'startIn', '"Start in" takes a whole number of minutes, such as 5.'],
    ['oracle', { startAt: '13:00 yesterday' }, 'startAt', '"Start at" takes a time such as 14:30, or a date and time such as 2026-11-21 14:30.'],
    ['oracle', { startIn: '30', startAt: '14:30' }, 'startAt', 'Use "Start in" or "Start at", not both.'],
  ] as const)('refuses a schedule on %s: %j', (vendor, values, field, message) => {
    expect(build(vendor, { number: '+442072068888', ...values })).toEqual({ ok: false, field, message });
  });

  it('sends typed vendor fields: a skill as a number', () => {
    expect(build('huawei', { number: '70092', extra: { skillId: '25' } })).toMatchObject({ ok: true, request: { options: { vendor: 'huawei', skillId: 25 } } });
  });
});

describe('numberDoubt: when to ask the agent to confirm', () => {
  const name = (code: string) => ({ GB: 'the United Kingdom', DE: 'Germany' })[code] ?? code;
  it.each([
    ['020 7206 8888', 'GB', undefined],
    ['5001', 'GB', undefined],
    ['*67', 'GB', undefined],
    ['+1', 'GB', '+1 is not a complete international number. Check it, or press Call again to dial it as it is.'],
    ['5001', 'DE', '+49 5001 is not a known number in Germany. Check it, or press Call again to dial it as it is.'],
  ])('%j in %s', (input, country, doubt) => {
    expect(numberDoubt(input, normalizeNumber(input, country), name)).toBe(doubt);
  });
});
