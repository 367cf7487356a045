import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Vendor } from '../../shared/callModel';
import { SANDBOX_ORDER, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import { createVerdict, dialledNumber, numberKey } from './createTally';
import { RequestMessageSchema, type Command, type CreateRecord, type Report } from './protocol';

/**
 * The child process of the soak: the five sandbox emulators, with a tap on every
 * call-creating request that records how the emulator itself answered it (the truth the
 * duplicate count is made from), driven by the soak over IPC.
 */

const CREATE_REQUESTS: Readonly<Record<Vendor, { method: string; path: RegExp }>> = {
  genesys: { method: 'POST', path: /^\/api\/v2\/me\/devices\/[^/]+\/calls$/ },
  huawei: { method: 'PUT', path: /\/voicecall\/[^/]+\/callout$/ },
  vonage: { method: 'POST', path: /^\/v0\/[^/]+\/calls\/?$/ },
  iovox: { method: 'POST', path: /^\/Calling$/ },
  oracle: { method: 'POST', path: /^\/call\/2\.0\/[^/]+\/[^/]+$/ },
};

/** The emulators' own request logs are not needed here (the tap counts): emptied so a shift does not fill the child's memory. */
const LOG_CLEAR_MS = 2_000;

const creates: Record<Vendor, CreateRecord[]> = { genesys: [], huawei: [], vonage: [], iovox: [], oracle: [] };
const requests: Record<Vendor, number> = { genesys: 0, huawei: 0, vonage: 0, iovox: 0, oracle: 0 };
const upkeep: Report['upkeep'] = { handshakes: 0, signIns: 0, guidRotations: 0, tokens: 0 };

function countUpkeep(vendor: Vendor, method: string, path: string, res: ServerResponse): void {
  if (vendor === 'genesys' && path.endsWith('/notifications/handshake')) upkeep.handshakes += 1;
  if (vendor === 'vonage' && path.endsWith('/oauth2/token')) upkeep.tokens += 1;
  if (vendor !== 'huawei') return;
  const signIn = method === 'PUT' && /\/onlineagent\/[^/]+(\/forcelogin)?$/.test(path);
  if (signIn) upkeep.signIns += 1;
  // Set-GUID on anything but a sign-in is a rotation; it is passed to writeHead, so it is read there.
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((arg): arg is Record<string, unknown> => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
    if (!signIn && Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'set-guid')) upkeep.guidRotations += 1;
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

function tap(vendor: Vendor, req: IncomingMessage, res: ServerResponse): void {
  requests[vendor] += 1;
  const path = new URL(req.url ?? '/', 'http://soak.invalid').pathname;
  countUpkeep(vendor, req.method ?? 'GET', path, res);
  const create = CREATE_REQUESTS[vendor];
  if (req.method !== create.method || !create.path.test(path)) return;
  const requestChunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => requestChunks.push(chunk));
  const answer: Buffer[] = [];
  let settled = false;
  const settle = (status: number | undefined): void => {
    if (settled) return;
    settled = true;
    const number = dialledNumber(vendor, path, Buffer.concat(requestChunks).toString('utf8'));
    if (number === undefined) return;
    creates[vendor].push({ key: numberKey(number), verdict: createVerdict(vendor, status, Buffer.concat(answer).toString('utf8')) });
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((...args: unknown[]) => {
    const chunk = args[0];
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) answer.push(Buffer.from(chunk));
    return write(...args);
  }) as ServerResponse['write'];
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    const chunk = args[0];
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) answer.push(Buffer.from(chunk));
    const result = end(...args);
    settle(res.statusCode);
    return result;
  }) as ServerResponse['end'];
  // Cut before it was complete (dropped, truncated, or given up by the client): no answer.
  res.once('close', () => settle(undefined));
}

/** Calls by number key, from the emulators whose own state names the number each call dialled. */
function placedByState(sandbox: Sandbox): Report['placed'] {
  const tally = (numbers: readonly string[]): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const number of numbers) counts[numberKey(number)] = (counts[numberKey(number)] ?? 0) + 1;
    return counts;
  };
  const { genesys, iovox, oracle } = sandbox.emulators;
  return {
    genesys: tally(genesys.control.calls().filter((call) => call.direction === 'outbound').map((call) => call.remoteNumber)),
    iovox: tally(iovox.control.calls().flatMap((call) => (call.destinationDigits ? [call.destinationDigits] : []))),
    // The two sessions seeded from the documentation have no request.
    oracle: tally(oracle.control.sessions().flatMap((session) => (session.request ? [session.request.userPhone] : []))),
    huawei: undefined,
    vonage: undefined,
  };
}

function control(sandbox: Sandbox, command: Extract<Command, { op: 'control' }>): unknown {
  const { genesys, huawei, vonage } = sandbox.emulators;
  const agent = command.agentId ?? '40038';
  switch (command.action) {
    case 'dropEventStream':
      return genesys.control.dropEventStream();
    case 'expireSession':
      return genesys.control.expireSession();
    case 'forceSignOut':
      return huawei.control.forceSignOut(agent);
    case 'expireGuid':
      return huawei.control.expireGuid(agent);
    case 'rotateGuid':
      return huawei.control.rotateGuid(agent);
    case 'expireTokens':
      return vonage.control.expireTokens();
    case 'malformedEvent':
      return huawei.control.injectEvent(agent, { raw: '{"retcode":"0","event":{' });
  }
}

function execute(sandbox: Sandbox, command: Command): unknown {
  switch (command.op) {
    case 'fault':
      return sandbox.emulators[command.vendor].server.faults.add({ times: 1, ...command.fault });
    case 'control':
      return control(sandbox, command);
    case 'clearFaults':
      for (const vendor of SANDBOX_ORDER) sandbox.emulators[vendor].server.faults.clear();
      return undefined;
    case 'report': {
      const report: Report = { creates, placed: placedByState(sandbox), requests, upkeep };
      return report;
    }
  }
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env.SOAK_SANDBOX_OPTIONS ?? '{}') as SandboxOptions;
  const sandbox = await startSandbox(options);
  for (const vendor of SANDBOX_ORDER) sandbox.emulators[vendor].server.httpServer.prependListener('request', (req, res) => tap(vendor, req, res));
  const clearing = setInterval(() => {
    for (const vendor of SANDBOX_ORDER) sandbox.emulators[vendor].server.log.clear();
  }, LOG_CLEAR_MS);

  process.on('message', (raw) => {
    const parsed = RequestMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const { id, command } = parsed.data;
    try {
      process.send?.({ type: 'reply', id, ok: true, result: execute(sandbox, command) ?? null });
    } catch (error) {
      process.send?.({ type: 'reply', id, ok: false, error: String(error) });
    }
  });
  process.once('disconnect', () => {
    clearInterval(clearing);
    void sandbox.stop().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', urls: sandbox.urls });
}

void main();
