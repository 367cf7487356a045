import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Vendor } from '../shared/callModel';
import { startSandbox, type Sandbox } from '../sandbox';
import { SEED_AGENTS } from '../sandbox/huawei';
import type { Secret } from './secretScan';

/**
 * The five emulators seeded with distinctive credentials, and a configuration whose profiles
 * read them from environment variables (`{ "env": NAME }`): what the secret-leak tests run
 * the journeys on. Each secret has characters that URL-encoding, JSON and base64 all change.
 */

const GENESYS_USER = 'agent1';
const PASSWORDS = {
  genesys: 'Gws-Pässw0rd+/=%&"lk-91f3',
  huawei: 'Hw-Pässw0rd/+%"lk-27b4',
  iovox: 'Iovox-Key+/=%&lk-3c5d8e',
  ticket: 'Oracle-Ticket+/lk-4d6e9f',
  /** Entered in Settings for an extra IOVOX profile, never in the environment. */
  entered: 'Entered-Key+/=%lk-5e7f0a',
};
/** VCC's token cannot be chosen: this is the documentation's example, which the emulator accepts. */
const VONAGE_TOKEN = '9pBl+xY1MW+AbsdZk4xpv7NwWxG8+oqduKiSqVybM9Y=';

export interface SecretSandbox {
  sandbox: Sandbox;
  /** The configuration file's content. */
  config: {
    defaultCountry: string;
    profiles: Array<Record<string, unknown> & { id: string; vendor: Vendor }>;
  };
  /** The environment that holds the secrets the configuration names. */
  env: Record<string, string>;
  /** Every secret configured, to look for afterwards (with what the vendors issued at run time). */
  secrets: Secret[];
  /** An IOVOX account whose key is to be entered in Settings (`username`, `secureKey`); it is in `secrets` too. */
  enteredAccount: { username: string; secureKey: string };
  stop(): Promise<void>;
}

/** An authorize URL endpoint for Oracle: every call is allowed. */
async function startAuthorizer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/authorize` };
}

export async function startSecretSandbox(): Promise<SecretSandbox> {
  const authorizer = await startAuthorizer();
  const authorizeUrl = `${authorizer.url}?ticket=${encodeURIComponent(PASSWORDS.ticket)}`;
  const sandbox = await startSandbox({
    genesys: {
      users: [{ userName: GENESYS_USER, password: PASSWORDS.genesys, deviceId: 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a', phoneNumber: '5005' }],
      publishDelayMs: { min: 0, max: 5 },
      answerDelayMs: 200,
    },
    huawei: {
      agents: SEED_AGENTS.map((agent) => (agent.id === '40038' ? { ...agent, password: PASSWORDS.huawei } : agent)),
      pollHoldMs: 500,
      farEndAnswerDelayMs: 200,
    },
    iovox: {
      credentials: [
        { username: 'sandbox', secureKey: PASSWORDS.iovox },
        { username: 'entered', secureKey: PASSWORDS.entered },
      ],
    },
    oracle: { timeScale: 10 },
  });
  const { urls } = sandbox;
  const env = {
    LEAK_GWS_PASSWORD: PASSWORDS.genesys,
    LEAK_HW_PASSWORD: PASSWORDS.huawei,
    LEAK_VCC_TOKEN: VONAGE_TOKEN,
    LEAK_IOVOX_KEY: PASSWORDS.iovox,
    LEAK_ORACLE_AUTHORIZE: authorizeUrl,
  };
  const config: SecretSandbox['config'] = {
    defaultCountry: 'GB',
    profiles: [
      { id: 'gws', vendor: 'genesys', label: 'Genesys', baseUrl: urls.genesys, username: GENESYS_USER, password: { env: 'LEAK_GWS_PASSWORD' } },
      { id: 'hw', vendor: 'huawei', label: 'Huawei', baseUrl: urls.huawei, agentId: '40038', phoneNumber: '40038', password: { env: 'LEAK_HW_PASSWORD' } },
      { id: 'vcc', vendor: 'vonage', label: 'Vonage', baseUrl: urls.vonage, accountKey: 'a1b2c3d4e5', agentId: '1234', apiToken: { env: 'LEAK_VCC_TOKEN' } },
      { id: 'iovox', vendor: 'iovox', label: 'IOVOX', baseUrl: urls.iovox, username: 'sandbox', linkId: 'link123', secureKey: { env: 'LEAK_IOVOX_KEY' } },
      { id: 'oracle', vendor: 'oracle', label: 'Oracle', baseUrl: urls.oracle, contactId: '367901', authorizeUrl: { env: 'LEAK_ORACLE_AUTHORIZE' } },
    ],
  };
  const secrets: Secret[] = [
    { name: 'Genesys password', value: PASSWORDS.genesys, user: GENESYS_USER },
    { name: 'Huawei password', value: PASSWORDS.huawei },
    { name: 'Vonage API token', value: VONAGE_TOKEN },
    { name: 'IOVOX secureKey', value: PASSWORDS.iovox, user: 'sandbox' },
    { name: 'Oracle authorizeUrl', value: authorizeUrl },
    { name: 'Oracle authorize ticket', value: PASSWORDS.ticket, partOf: 'Oracle authorizeUrl' },
    { name: 'IOVOX secureKey entered in Settings', value: PASSWORDS.entered, user: 'entered' },
  ];
  return {
    sandbox,
    config,
    env,
    secrets,
    enteredAccount: { username: 'entered', secureKey: PASSWORDS.entered },
    stop: async () => {
      await sandbox.stop();
      await new Promise((resolve) => authorizer.server.close(resolve));
    },
  };
}
