import { describe, expect, it } from 'vitest';
import type { SettingsProfile, VendorForm } from '../../../../shared/settings';
import { groupProblems, initialValues, requestValues } from './profileFormValues';

const form: VendorForm = {
  vendor: 'oracle',
  vendorLabel: 'Oracle Click-to-Call',
  fields: [
    { key: 'id', label: 'Profile ID', kind: 'text', required: true },
    { key: 'baseUrl', label: 'Server address', kind: 'url', required: true },
    { key: 'callAgentFirst', label: 'Call the agent first', kind: 'boolean', required: false, default: false },
    { key: 'statusPollMs', label: 'Status poll interval (ms)', kind: 'integer', required: false, default: 2000 },
  ],
  secrets: [{ key: 'authorizeUrl', label: 'Authorize URL' }],
};

describe('profile form values', () => {
  it('starts from the defaults, or from the profile being edited', () => {
    expect(initialValues(form)).toEqual({ id: '', baseUrl: '', callAgentFirst: false, statusPollMs: '2000' });
    const profile: SettingsProfile = { id: 'o', vendor: 'oracle', label: 'O', origin: 'user', values: { id: 'o', baseUrl: 'https://a', callAgentFirst: true, statusPollMs: 500 }, secrets: [], liveCalls: 0 };
    expect(initialValues(form, profile)).toEqual({ id: 'o', baseUrl: 'https://a', callAgentFirst: true, statusPollMs: '500' });
  });

  it.each<[string, string, string | number]>([
    ['a whole number', ' 750 ', 750],
    ['a decimal, sent as typed for main to refuse', '7.5', '7.5'],
    ['text, sent as typed for main to refuse', 'fast', 'fast'],
  ])('sends %s in a number box as %j', (_name, typed, sent) => {
    expect(requestValues(form, { id: 'o', baseUrl: 'https://a', callAgentFirst: true, statusPollMs: typed })).toEqual({ id: 'o', baseUrl: 'https://a', callAgentFirst: true, statusPollMs: sent });
  });

  it('puts each problem under its field and the rest above the form', () => {
    const { byField, general } = groupProblems(
      [
        { path: 'baseUrl', message: 'Invalid URL' },
        { path: 'baseUrl', message: 'must be https' },
        { path: 'vendor', message: 'cannot be changed' },
        { path: 'id', message: 'is required' },
      ],
      ['id', 'baseUrl'],
    );
    expect(Object.fromEntries(byField)).toEqual({ baseUrl: ['Invalid URL', 'must be https'], id: ['is required'] });
    expect(general).toEqual([{ path: 'vendor', message: 'cannot be changed' }]);
  });
});
