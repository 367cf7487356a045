import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../shared/callModel';
import type { ProfileSaveRequest } from '../../../shared/settings';
import type { Profile } from '../../vendors/registry';
import { parseConfig } from '../config/loadConfig';
import { exportConfig } from './configExport';
import { planImport } from './configImport';
import { buildProfile } from './profileDraft';
import { allVendorForms } from './vendorForms';

describe('vendor forms (derived from each vendor’s profile schema)', () => {
  const forms = new Map(allVendorForms().map((form) => [form.vendor, form]));

  it.each<[Vendor, string[], string[]]>([
    ['genesys', ['password'], ['id', 'label', 'baseUrl', 'username']],
    ['huawei', ['password'], ['id', 'label', 'baseUrl', 'agentId', 'phoneNumber']],
    ['vonage', ['apiToken'], ['id', 'label', 'baseUrl', 'accountKey']],
    ['iovox', ['secureKey'], ['id', 'label', 'baseUrl', 'username', 'linkId']],
    ['oracle', ['authorizeUrl'], ['id', 'label', 'baseUrl', 'contactId']],
  ])('%s: secrets %j apart, never among the fields', (vendor, secrets, firstFields) => {
    const form = forms.get(vendor);
    expect(form?.secrets.map((s) => s.key)).toEqual(secrets);
    expect(form?.fields.map((f) => f.key).slice(0, firstFields.length)).toEqual(firstFields);
    for (const secret of secrets) expect(form?.fields.some((f) => f.key === secret)).toBe(false);
    expect(form?.fields.some((f) => f.key === 'vendor')).toBe(false);
  });

  it('describes kinds, requirement, choices and defaults as the schema declares them', () => {
    const genesys = forms.get('genesys');
    expect(genesys?.fields.find((f) => f.key === 'baseUrl')).toMatchObject({ kind: 'url', required: true, label: 'Server address' });
    expect(genesys?.fields.find((f) => f.key === 'deviceId')).toMatchObject({ kind: 'text', required: false });
    expect(genesys?.fields.find((f) => f.key === 'initialState')).toMatchObject({ kind: 'choice', choices: ['Ready', 'NotReady'], default: 'Ready', required: false });
    expect(forms.get('huawei')?.fields.find((f) => f.key === 'allowSelfSignedTls')).toMatchObject({ kind: 'boolean', default: false });
    expect(forms.get('oracle')?.fields.find((f) => f.key === 'statusPollMs')).toMatchObject({ kind: 'integer', min: 50, max: 60_000 });
  });
});

const add = (values: ProfileSaveRequest['values'], extra: Partial<ProfileSaveRequest> = {}): ProfileSaveRequest => ({ mode: 'add', vendor: 'genesys', values, ...extra });
const good = { id: 'gws2', label: 'Genesys two', baseUrl: 'https://gws.example:8090', username: 'agent1' };

describe('profile drafts', () => {
  it('builds a profile with defaults from the vendor schema, dropping empty optional boxes', () => {
    const outcome = buildProfile(add({ ...good, deviceId: '  ' }), undefined);
    expect(outcome).toEqual({ ok: true, profile: { ...good, vendor: 'genesys', initialState: 'Ready' } });
  });

  it.each<[string, ProfileSaveRequest, Array<{ path: string; message: string | RegExp }>]>([
    ['a missing required field', add({ id: 'x', baseUrl: 'https://a.example' }), [{ path: 'username', message: 'is required' }]],
    ['a base URL that is not a URL', add({ ...good, baseUrl: 'gws.example' }), [{ path: 'baseUrl', message: /URL/i }]],
    ['an id with spaces', add({ ...good, id: 'my profile' }), [{ path: 'id', message: 'must be 1–64 letters, digits, - or _' }]],
    ['a field the vendor does not have', add({ ...good, accountKey: 'a1' }), [{ path: 'accountKey', message: 'is not a field of this vendor’s profiles' }]],
    ['a choice outside the list', add({ ...good, initialState: 'Busy' }), [{ path: 'initialState', message: /Ready/ }]],
    ['a secret typed among the fields', add({ ...good, password: 'hunter2' }), [{ path: 'password', message: /secret/ }]],
    ['a secret the vendor does not have', add(good, { secrets: { apiToken: { action: 'set', value: 't' } } }), [{ path: 'apiToken', message: /not a secret/ }]],
    [
      'two bad fields at once',
      add({ id: '', baseUrl: 'nope', username: 'a' }),
      [
        { path: 'id', message: 'is required' },
        { path: 'baseUrl', message: /URL/i },
      ],
    ],
  ])('names the field and the reason for %s', (_name, request, expected) => {
    const outcome = buildProfile(request, undefined);
    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? [] : outcome.problems;
    expect(problems).toHaveLength(expected.length);
    expected.forEach((want, index) => {
      expect(problems[index]?.path).toBe(want.path);
      if (typeof want.message === 'string') expect(problems[index]?.message).toBe(want.message);
      else expect(problems[index]?.message).toMatch(want.message);
    });
  });

  const existing: Profile = { ...good, vendor: 'genesys', initialState: 'Ready', password: { env: 'GWS_PASSWORD' } };

  it('keeps an environment reference on edit unless that secret is replaced or cleared', () => {
    expect(buildProfile({ mode: 'edit', vendor: 'genesys', values: { ...good, label: 'Renamed' } }, existing)).toMatchObject({ ok: true, profile: { label: 'Renamed', password: { env: 'GWS_PASSWORD' } } });
    const replaced = buildProfile({ mode: 'edit', vendor: 'genesys', values: good, secrets: { password: { action: 'set', value: 'typed' } } }, existing);
    expect(replaced.ok && 'password' in replaced.profile).toBe(false);
    expect(JSON.stringify(replaced)).not.toContain('typed');
  });

  it.each<[string, ProfileSaveRequest]>([
    ['the id', { mode: 'edit', vendor: 'genesys', values: { ...good, id: 'other' } }],
    ['the vendor', { mode: 'edit', vendor: 'iovox', values: { ...good, linkId: 'l' } }],
  ])('refuses to change %s of an existing profile', (_name, request) => {
    expect(buildProfile(request, existing).ok).toBe(false);
  });
});

describe('configuration export and import', () => {
  const withEnv: Profile = { ...good, vendor: 'genesys', initialState: 'Ready', password: { env: 'GWS_PASSWORD' } };
  const entered: Profile = { id: 'io', vendor: 'iovox', baseUrl: 'https://api.iovox.example:444', username: 'rest', linkId: 'link123', requestTimeoutMs: 15_000 };
  const directory = { agents: [{ id: '4567', name: 'Sam Agent' }], groups: [] };

  it('exports a file the --config loader accepts, keeping environment names and nothing else of secrets', () => {
    const text = exportConfig({ defaultCountry: 'FR', directory }, [withEnv, { ...entered, id: 'io-env', secureKey: { env: 'IOVOX_KEY' } }, entered]);
    const config = parseConfig(JSON.parse(text), 'export', { GWS_PASSWORD: 'x', IOVOX_KEY: 'y' });
    expect(config.defaultCountry).toBe('FR');
    expect(config.directory).toEqual(directory);
    expect(config.profiles.map((p) => p.id)).toEqual(['gws2', 'io-env', 'io']);
    expect(JSON.parse(text).profiles[1].secureKey).toEqual({ env: 'IOVOX_KEY' });
    expect(JSON.parse(text).profiles[0].password).toEqual({ env: 'GWS_PASSWORD' });
    expect(JSON.parse(text).profiles[2]).not.toHaveProperty('secureKey');
  });

  const context = { provisioned: [withEnv], user: [entered], env: { GWS_PASSWORD: 'x' } };

  it.each<[string, string, RegExp]>([
    ['text that is not JSON', '{ "profiles": [', /^\(file\): not valid JSON/],
    ['a profile with a bad field', JSON.stringify({ profiles: [{ ...entered, baseUrl: 'ftp://x' }] }), /^profiles\[0\]\.baseUrl: /],
    ['a missing environment variable', JSON.stringify({ profiles: [{ ...entered, id: 'new', secureKey: { env: 'NOT_SET_ANYWHERE' } }] }), /^profiles\[0\]\.secureKey\.env: environment variable NOT_SET_ANYWHERE is not set$/],
    ['a changed provisioned profile', JSON.stringify({ profiles: [{ ...withEnv, label: 'Mine now' }] }), /^profiles\[0\]\.id: "gws2" is a provisioned profile/],
    ['a secret in plain text', JSON.stringify({ profiles: [{ ...withEnv, id: 'p', password: 'hunter2' }] }), /^profiles\[0\]\.password: /],
  ])('refuses %s with the JSON path and the reason', (_name, text, problem) => {
    const plan = planImport(text, context);
    expect(plan.ok).toBe(false);
    expect(plan.ok ? [] : plan.problems).toContainEqual(expect.stringMatching(problem));
    expect(JSON.stringify(plan)).not.toContain('hunter2');
  });

  it('plans what is added, replaced and already provisioned, and takes the country only when the file sets it', () => {
    const text = JSON.stringify({ defaultCountry: 'DE', profiles: [withEnv, { ...entered, username: 'other' }, { ...entered, id: 'io2' }] });
    expect(planImport(text, context)).toMatchObject({ ok: true, added: ['io2'], replaced: ['io'], unchanged: ['gws2'], defaultCountry: 'DE' });
    const withoutCountry = planImport(JSON.stringify({ profiles: [{ ...entered, id: 'io3' }] }), context);
    expect(withoutCountry.ok && 'defaultCountry' in withoutCountry).toBe(false);
  });
});
