import { createGenesysEmulator, type GenesysEmulator } from '../emulator';
import type { GenesysEmulatorOptions } from '../options';
import { SANDBOX_USER } from '../seed';
import { CometdRecorder } from './cometdRecorder';
import { GwsHttp } from './gwsHttp';

export const DEVICE_PATH = `/api/v2/me/devices/${SANDBOX_USER.deviceId}/calls`;

/** Fast timings so the tests never wait on real-life delays. */
export const FAST: Partial<GenesysEmulatorOptions> = {
  publishDelayMs: { min: 0, max: 3 },
  answerDelayMs: 20,
  noAnswerTimeoutMs: 60,
  cometdTimeoutMs: 2_000,
};

export interface Running {
  emulator: GenesysEmulator;
  url: string;
}

export async function startEmulator(options: Partial<GenesysEmulatorOptions> = {}): Promise<Running> {
  const emulator = createGenesysEmulator({ ...FAST, ...options });
  const url = await emulator.listen(0);
  return { emulator, url };
}

export const agentClient = (url: string): GwsHttp => new GwsHttp(url, { userName: SANDBOX_USER.userName, password: SANDBOX_USER.password });

/** GWS bootstrap: read the user (session cookie), then StartContactCenterSession. */
export async function signIn(http: GwsHttp): Promise<void> {
  const me = await http.get('/api/v2/me?subresources=*');
  if (me.status !== 200) throw new Error(`sign-in failed: ${me.status} ${me.text}`);
  const start = await http.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
  if (start.status !== 200) throw new Error(`StartContactCenterSession failed: ${start.status} ${start.text}`);
}

/** A signed-in agent with the official CometD client subscribed to its channels. */
export async function signedInAgent(url: string, channels?: string[]): Promise<{ http: GwsHttp; events: CometdRecorder }> {
  const http = agentClient(url);
  await http.get('/api/v2/me');
  const events = new CometdRecorder(url, await http.cookieHeader(), channels);
  await events.start();
  await signIn(http);
  return { http, events };
}

export const dial = (http: GwsHttp, phoneNumber: string, extra: Record<string, unknown> = {}) =>
  http.post(DEVICE_PATH, { operationName: 'Dial', destination: { phoneNumber }, ...extra });

export const operate = (http: GwsHttp, callId: string, operationName: string, extra: Record<string, unknown> = {}) =>
  http.post(`/api/v2/me/calls/${callId}`, { operationName, ...extra });

/** One raw Bayeux exchange (no client library), for wire-level assertions. */
export async function bayeux(http: GwsHttp, suffix: string, messages: Array<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
  const reply = await http.post(`/api/v2/notifications/${suffix}`, messages, { basic: false });
  if (reply.status !== 200 || !Array.isArray(reply.json)) throw new Error(`Bayeux ${suffix}: ${reply.status} ${reply.text}`);
  return reply.json as Array<Record<string, unknown>>;
}
