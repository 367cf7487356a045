import type { Vendor } from '../../../shared/callModel';
import { SANDBOX_ACCOUNTS } from '../../../shared/sandboxAccounts';
import { AppConfigSchema, type AppConfig } from './appConfig';

export interface SandboxSetup {
  config: AppConfig;
  /** `profileId.field` → value, held in memory only. */
  ephemeralSecrets: Record<string, string>;
}

/** One profile per emulator, already set up, so a new user can dial within seconds. */
export function sandboxConfig(urls: Record<Vendor, string>): SandboxSetup {
  const accounts = SANDBOX_ACCOUNTS;
  const config = AppConfigSchema.parse({
    defaultCountry: 'GB',
    profiles: [
      { id: 'genesys', vendor: 'genesys', label: 'Genesys (sandbox)', baseUrl: urls.genesys, username: accounts.genesys.username },
      {
        id: 'huawei',
        vendor: 'huawei',
        label: 'Huawei (sandbox)',
        baseUrl: urls.huawei,
        agentId: accounts.huawei.agentId,
        phoneNumber: accounts.huawei.phoneNumber,
      },
      // A colleague signed in on the same gateway, so internal (agent-to-agent) calls have someone to ring.
      {
        id: 'huawei-colleague',
        vendor: 'huawei',
        label: `Huawei colleague ${accounts.huawei.otherAgentId} (sandbox)`,
        baseUrl: urls.huawei,
        agentId: accounts.huawei.otherAgentId,
        phoneNumber: accounts.huawei.otherAgentId,
      },
      {
        id: 'vonage',
        vendor: 'vonage',
        label: 'Vonage (sandbox)',
        baseUrl: urls.vonage,
        accountKey: accounts.vonage.accountKey,
        agentId: accounts.vonage.agentId,
        numberFormat: 'national-digits',
      },
      { id: 'iovox', vendor: 'iovox', label: 'IOVOX (sandbox)', baseUrl: urls.iovox, username: accounts.iovox.username, linkId: accounts.iovox.linkId },
      { id: 'oracle', vendor: 'oracle', label: 'Oracle Click-to-Call (sandbox)', baseUrl: urls.oracle, contactId: accounts.oracle.contactId },
    ],
    directory: {
      agents: [
        { id: '1234', name: 'Alex Agent' },
        { id: '4567', name: 'Sam Agent' },
        { id: '5464', name: 'Robin Supervisor' },
        { id: '40040', name: 'Huawei agent 40040' },
      ],
      groups: [
        { id: '030', name: 'Sales' },
        { id: '200', name: 'Support' },
        { id: '400', name: 'Billing' },
      ],
    },
  });
  return {
    config,
    ephemeralSecrets: {
      'genesys.password': accounts.genesys.password,
      'huawei.password': accounts.huawei.password,
      'huawei-colleague.password': accounts.huawei.password,
      'vonage.apiToken': accounts.vonage.apiToken,
      'iovox.secureKey': accounts.iovox.secureKey,
    },
  };
}
