import type { Vendor } from '../../shared/callModel';
import { SANDBOX_ACCOUNTS } from '../../shared/sandboxAccounts';
import { startSandbox, type Sandbox } from '../../sandbox';
import { SEED_AGENTS, SEED_CALLERS } from '../../sandbox/huawei';
import { burstAgentIds, dialNumbers } from './numbers';

/** Profile ids in the bench's config file. */
export const PROFILE: Record<Vendor, string> = { genesys: 'genesys', huawei: 'huawei', vonage: 'vonage', iovox: 'iovox', oracle: 'oracle' };
export const burstProfileId = (agentId: string): string => `huawei-${agentId}`;

/** Environment variables the config's secret references name; handed to the shell process only. */
export const SECRET_ENV = {
  BENCH_GENESYS_PASSWORD: SANDBOX_ACCOUNTS.genesys.password,
  BENCH_HUAWEI_PASSWORD: SANDBOX_ACCOUNTS.huawei.password,
  BENCH_VONAGE_TOKEN: SANDBOX_ACCOUNTS.vonage.apiToken,
  BENCH_IOVOX_KEY: SANDBOX_ACCOUNTS.iovox.secureKey,
} as const;

export interface BenchSandboxPlan {
  /** Dials per vendor, warm-up included: Huawei's customers for these numbers hang up at once. */
  dialsPerVendor: number;
  burstAgents: number;
}

/**
 * The emulators with fast, deterministic far ends, so the bench measures the app and not the
 * scripted waits: Genesys moves calls only when the bench says (manual far end, no publish
 * delay); Huawei customers answer at once and the dial-overhead numbers hang up at once;
 * Vonage and Oracle calls end within milliseconds; IOVOX's call limit is out of the way.
 */
export function startBenchSandbox(plan: BenchSandboxPlan): Promise<Sandbox> {
  const agents = burstAgentIds(plan.burstAgents);
  return startSandbox({
    genesys: { farEnd: 'manual', publishDelayMs: { min: 0, max: 0 } },
    huawei: {
      farEndAnswerDelayMs: 0,
      customerHangupDelayMs: 0,
      hangupNumbers: dialNumbers('huawei', plan.dialsPerVendor),
      agents: [...SEED_AGENTS, ...agents.map((id) => ({ id, password: SANDBOX_ACCOUNTS.huawei.password, phonenum: id, skillIds: [25] }))],
      callers: [...SEED_CALLERS, ...agents],
    },
    vonage: { answeredCallMs: 1 },
    iovox: { callLimit: { maxCalls: 1_000_000, windowMs: 60_000 } },
    oracle: { timeScale: 1_000 },
  });
}

/** The shell's config file (DESIGN §6): one profile per vendor plus one per burst agent; secrets by environment variable. */
export function benchConfig(urls: Record<Vendor, string>, burstAgents: number): unknown {
  const accounts = SANDBOX_ACCOUNTS;
  return {
    defaultCountry: 'GB',
    profiles: [
      { id: PROFILE.genesys, vendor: 'genesys', label: 'Genesys (bench)', baseUrl: urls.genesys, username: accounts.genesys.username, password: { env: 'BENCH_GENESYS_PASSWORD' } },
      {
        id: PROFILE.huawei,
        vendor: 'huawei',
        label: 'Huawei (bench)',
        baseUrl: urls.huawei,
        agentId: accounts.huawei.agentId,
        phoneNumber: accounts.huawei.phoneNumber,
        password: { env: 'BENCH_HUAWEI_PASSWORD' },
      },
      {
        id: PROFILE.vonage,
        vendor: 'vonage',
        label: 'Vonage (bench)',
        baseUrl: urls.vonage,
        accountKey: accounts.vonage.accountKey,
        apiToken: { env: 'BENCH_VONAGE_TOKEN' },
        agentId: accounts.vonage.agentId,
        numberFormat: 'national-digits',
      },
      { id: PROFILE.iovox, vendor: 'iovox', label: 'IOVOX (bench)', baseUrl: urls.iovox, username: accounts.iovox.username, secureKey: { env: 'BENCH_IOVOX_KEY' }, linkId: accounts.iovox.linkId },
      { id: PROFILE.oracle, vendor: 'oracle', label: 'Oracle (bench)', baseUrl: urls.oracle, contactId: accounts.oracle.contactId },
      ...burstAgentIds(burstAgents).map((agentId) => ({
        id: burstProfileId(agentId),
        vendor: 'huawei',
        label: `Huawei agent ${agentId} (bench)`,
        baseUrl: urls.huawei,
        agentId,
        phoneNumber: agentId,
        password: { env: 'BENCH_HUAWEI_PASSWORD' },
      })),
    ],
  };
}
