import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { sandboxConfig } from '../../electron/core/config/sandboxConfig';
import { createCore } from '../../electron/core/createCore';
import { createLogger } from '../../electron/core/log/logger';
import { compressedAdapters, compressProfiles } from '../../electron/core/reliability/reliabilityHarness';
import { createAesGcmFileCipher } from '../../electron/core/secrets/aesGcmFileCipher';
import { CallTracker } from './callTracker';
import { countDuplicates, intentTruths } from './createTally';
import { FAULT_CATALOG } from './faultCatalog';
import { brokenInvariants, classifyCalls, mb, summaryLine, untruthfulCalls, type SoakFigures } from './invariants';
import { seededRandom, type SeededRandom } from './random';
import { activeResources, leakedResources, settledHeapBytes } from './resources';
import { startSandboxProcess, type SandboxLink } from './sandboxLink';
import { compressedSandbox, FULL_SHIFT, PROFILE_VENDOR, QUICK_SHIFT, SOAK_ADAPTER_TIMINGS, type ShiftPlan } from './shiftPlan';
import { callersOf, Traffic } from './traffic';

/**
 * `npm run soak [-- --quick] [-- --seed N]`: an agent's shift on a compressed clock, on all
 * five vendors at once, with random faults, checking that every call ends, none is placed
 * twice, nothing is left open and the heap stays bounded. The last line is the summary.
 */

/** After the traffic: how long unknown outcomes get to be settled by the vendors. */
const SETTLE_MS = 15_000;
/** The emulators close idle keep-alive connections after 5 s; a socket still open after this is ours. */
const IDLE_SOCKETS_CLOSED_MS = 6_000;

const print = (line: string): void => void process.stdout.write(`${line}\n`);

function options(): { plan: ShiftPlan; seed: number } {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, seed: { type: 'string' } }, strict: true });
  const seed = values.seed !== undefined ? Number(values.seed) : randomInt(1, 2 ** 31);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not ${values.seed}`);
  return { plan: values.quick ? QUICK_SHIFT : FULL_SHIFT, seed };
}

async function injectFaults(link: SandboxLink, random: SeededRandom, plan: ShiftPlan, until: number, injected: Map<string, number>): Promise<void> {
  while (Date.now() < until) {
    await sleep(random.int(plan.faultEveryMs / 2, (plan.faultEveryMs * 3) / 2));
    if (Date.now() >= until) return;
    const choice = random.pick(FAULT_CATALOG);
    await link.send(choice.command);
    injected.set(choice.name, (injected.get(choice.name) ?? 0) + 1);
  }
}

async function settle(tracker: CallTracker): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  while (classifyCalls(tracker.all()).stuck.length > 0 && Date.now() < deadline) await sleep(250);
}

async function main(): Promise<number> {
  const { plan, seed } = options();
  const random = seededRandom(seed);
  print(`soak: seed=${seed} plan=${plan.name}: a ${plan.shiftHours} h shift in ${Math.round(plan.trafficMs / 1000)} s (clock ×${plan.timeScale}), a fault every ~${plan.faultEveryMs} ms`);

  const link = await startSandboxProcess(compressedSandbox(plan));
  const resourcesBefore = activeResources();
  const dataDir = mkdtempSync(join(tmpdir(), 'softphone-soak-'));
  const setup = sandboxConfig(link.urls);
  const core = await createCore({
    config: compressProfiles(setup.config, SOAK_ADAPTER_TIMINGS),
    sandbox: true,
    dataDir,
    cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')),
    log: createLogger({ file: join(dataDir, 'softphone.log'), level: 'warn' }),
    ephemeralSecrets: setup.ephemeralSecrets,
    env: {},
    createAdapter: compressedAdapters(random.next, SOAK_ADAPTER_TIMINGS),
  });
  const tracker = new CallTracker();
  core.onEvent((event) => tracker.onEvent(event));
  const profileIds = Object.keys(plan.callers);
  const deadline = Date.now() + 20_000;
  while (!profileIds.every((id) => tracker.sessionChanges.get(id)?.has('signed-in')) && Date.now() < deadline) await sleep(50);
  const heapStartBytes = settledHeapBytes();

  const started = Date.now();
  const until = started + plan.trafficMs;
  const injected = new Map<string, number>();
  const traffic = new Traffic(core, tracker, random, plan);
  const progress = setInterval(() => print(`soak: ${Math.round((Date.now() - started) / 1000)} s, ${tracker.all().length} calls, ${[...injected.values()].reduce((a, b) => a + b, 0)} faults`), 60_000);
  await Promise.all([traffic.run(callersOf(plan, (id) => PROFILE_VENDOR[id] ?? 'genesys'), until), injectFaults(link, random, plan, until, injected)]);
  clearInterval(progress);
  const trafficEnded = Date.now();

  // The shift is over: the network heals, the computer wakes once more, unknown outcomes are settled.
  await link.send({ op: 'clearFaults' });
  core.resume();
  await traffic.hangUpEverything();
  await settle(tracker);
  const heapEndBytes = settledHeapBytes();
  const report = await link.report();
  print(`soak: traffic ${Math.round((trafficEnded - started) / 1000)} s (the last calls included), settling ${Math.round((Date.now() - trafficEnded) / 1000)} s`);

  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
  await sleep(IDLE_SOCKETS_CLOSED_MS);
  settledHeapBytes();
  const leaked = leakedResources(resourcesBefore, activeResources());
  await link.stop();

  const calls = tracker.all();
  const truths = intentTruths(report);
  const figures: SoakFigures = {
    calls: calls.length,
    outcomes: classifyCalls(calls),
    duplicates: countDuplicates(truths.values()),
    untruthful: untruthfulCalls(calls, truths),
    leaked,
    heapStartBytes,
    heapEndBytes,
  };
  const faults = [...injected.values()].reduce((a, b) => a + b, 0);
  const byVendor = (vendor: string) => calls.filter((call) => call.vendor === vendor);
  for (const vendor of ['genesys', 'huawei', 'vonage', 'iovox', 'oracle']) {
    const states = new Map<string, number>();
    for (const call of byVendor(vendor)) {
      const label = call.failureCode ? `${call.state}:${call.failureCode}` : call.state;
      states.set(label, (states.get(label) ?? 0) + 1);
    }
    print(`soak: ${vendor}: ${byVendor(vendor).length} calls (${[...states].map(([state, count]) => `${state} ${count}`).join(', ')}), ${report.creates[vendor as keyof typeof report.creates].length} call requests, ${report.requests[vendor as keyof typeof report.requests]} requests in all`);
  }
  for (const [profileId, statuses] of tracker.sessionChanges) print(`soak: session ${profileId}: ${[...statuses].map(([status, count]) => `${status} ${count}`).join(', ')}`);
  print(`soak: faults: ${[...injected].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => `${name} ×${count}`).join('; ')}`);
  const { upkeep } = report;
  print(`soak: upkeep: ${upkeep.tokens} VCC tokens issued, ${upkeep.guidRotations} Huawei GUID rotations, ${upkeep.signIns} Huawei sign-ins, ${upkeep.handshakes} CometD handshakes`);
  print(`soak: unknown outcomes the vendor gives no way to read back (truthfully left unknown): ${figures.outcomes.unknownForGood}; dials refused before sending: ${traffic.stats.notSent}`);
  print(`soak: heap ${mb(heapStartBytes)} → ${mb(heapEndBytes)} MB; resources left open: ${JSON.stringify(leaked)}; duplicates: ${JSON.stringify(figures.duplicates)}`);
  const broken = brokenInvariants(figures);
  for (const failure of broken) print(`soak: INVARIANT BROKEN: ${failure}`);
  print(summaryLine(figures, faults));
  return broken.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
