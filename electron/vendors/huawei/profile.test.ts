import { describe, expect, it } from 'vitest';
import { huaweiVendorModule } from './index';
import { HuaweiProfileSchema } from './profile';

const BASE = { id: 'hw', vendor: 'huawei', baseUrl: 'https://10.0.0.5:8043', agentId: '40038', phoneNumber: '40038' };

describe('HuaweiProfileSchema', () => {
  it('reads the documented example with its defaults', () => {
    expect(HuaweiProfileSchema.parse({ ...BASE, password: { env: 'HW_PASSWORD' }, allowSelfSignedTls: true })).toEqual({
      ...BASE,
      password: { env: 'HW_PASSWORD' },
      allowSelfSignedTls: true,
      forceSignIn: true,
    });
    expect(HuaweiProfileSchema.parse(BASE)).toMatchObject({ allowSelfSignedTls: false, forceSignIn: true });
  });

  it.each([
    ['101', true],
    ['59999', true],
    ['100', false],
    ['60000', false],
    ['0101', false],
    ['4a038', false],
    ['', false],
  ])('agent ID %j accepted: %s', (agentId, accepted) => {
    expect(HuaweiProfileSchema.safeParse({ ...BASE, agentId }).success).toBe(accepted);
  });

  it('says why an agent ID is refused, in the documentation\u2019s words', () => {
    expect(HuaweiProfileSchema.safeParse({ ...BASE, agentId: '99' }).error?.issues[0]?.message).toBe('Agent ID. The value ranges from 101 to 59999.');
  });

  it.each([
    ['40038', true],
    ['123456789012345678901234', true],
    ['1234567890123456789012345', false],
    ['+4420', false],
    ['', false],
  ])('phone number %j accepted: %s', (phoneNumber, accepted) => {
    expect(HuaweiProfileSchema.safeParse({ ...BASE, phoneNumber }).success).toBe(accepted);
  });

  it.each([
    ['an unknown field', { ...BASE, authMode: 2 }],
    ['a password in plain text', { ...BASE, password: 'secret' }],
    ['another vendor', { ...BASE, vendor: 'genesys' }],
    ['a URL that is not http(s)', { ...BASE, baseUrl: 'ftp://10.0.0.5' }],
  ])('refuses %s', (_name, profile) => {
    expect(HuaweiProfileSchema.safeParse(profile).success).toBe(false);
  });

  it('declares the password as the one secret', () => {
    expect(huaweiVendorModule.secretFields).toEqual(['password']);
    expect(huaweiVendorModule.profileSchema).toBe(HuaweiProfileSchema);
  });
});
