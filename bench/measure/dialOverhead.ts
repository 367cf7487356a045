import { STATE_LABELS, type Vendor } from '../../shared/callModel';
import type { Sandbox } from '../../sandbox';
import type { LoggedRequest } from '../../sandbox/framework/requestLog';
import { distribution, percentile, roundTo, sortedCopy } from '../analysis/percentiles';
import { BaselineSender } from '../harness/baselineRequest';
import { PROFILE } from '../harness/benchSandbox';
import type { AppScreen } from '../harness/browser';
import { toBenchClock, type ClockOffset } from '../harness/clock';
import { nextRequest, until } from '../harness/emulatorWatch';
import { dialNumber, digitsOf } from '../harness/numbers';
import type { DialOverheadResult } from '../report/results';

/** The vendor request that places a call, as the emulator logs it (vendors/*.md). */
const DIAL_REQUEST: Record<Vendor, { method: string; path: RegExp }> = {
  genesys: { method: 'POST', path: /^\/api\/v2\/me\/devices\/[^/]+\/calls$/ },
  huawei: { method: 'PUT', path: /^\/agentgateway\/resource\/voicecall\/[^/]+\/callout$/ },
  vonage: { method: 'POST', path: /^\/v0\/[^/]+\/calls\/?$/ },
  iovox: { method: 'POST', path: /^\/Calling$/ },
  oracle: { method: 'POST', path: /^\/call\/2\.0\/[^/]+\/[^/]+$/ },
};

const isDialRequest = (vendor: Vendor) => (entry: LoggedRequest) =>
  entry.method === DIAL_REQUEST[vendor].method && DIAL_REQUEST[vendor].path.test(entry.path) && entry.headers['x-bench-baseline'] === undefined;

const DIAL_TIMEOUT_MS = 15_000;

/** `+441134960001` and `01134960001` are the same UK line. */
const sameLine = (a: string, b: string): boolean => {
  const national = (text: string): string => digitsOf(text).replace(/^44/, '').replace(/^0/, '');
  return national(a) === national(b);
};

export interface DialOverheadPlan {
  warmup: number;
  samples: number;
}

/**
 * Ends the call just placed so the next dial starts from a quiet screen and a free agent:
 * Genesys calls are answered and hung up from the far end (an unanswered release would be a
 * failure), Huawei's dial numbers hang up by themselves, Vonage's end within a millisecond.
 * IOVOX and Oracle calls need nothing (accepted; ended by Oracle's compressed clock).
 */
async function endCall(vendor: Vendor, sandbox: Sandbox, screen: AppScreen, number: string, dialedAt: number): Promise<void> {
  switch (vendor) {
    case 'genesys': {
      const { control } = sandbox.emulators.genesys;
      let callId: string | undefined;
      await until(
        () => {
          const dialing = control.events().find((event) => event.state === 'Dialing' && event.at >= dialedAt && sameLine(control.call(event.callId)?.remoteNumber ?? '', number));
          callId = dialing?.callId;
          return callId !== undefined;
        },
        DIAL_TIMEOUT_MS,
        `the Genesys call to ${number}`,
      );
      control.answer(callId as string);
      control.remoteHangup(callId as string);
      await screen.waitForState(number, STATE_LABELS.ended);
      return;
    }
    case 'huawei':
      await screen.waitForState(number, STATE_LABELS.ended);
      return;
    case 'vonage':
      await until(() => sandbox.emulators.vonage.control.calls().every((call) => call.status !== 'Active'), DIAL_TIMEOUT_MS, 'the Vonage call to end');
      return;
    case 'iovox':
    case 'oracle':
      return;
  }
}

/**
 * Dial overhead of one vendor (DESIGN §9): Enter in the dialer → the emulator receives the
 * vendor request, minus the median of a direct request from Node to the same endpoint. One
 * baseline request follows each dial, so both see the same load on the machine.
 */
export async function measureDialOverhead(vendor: Vendor, sandbox: Sandbox, screen: AppScreen, clock: ClockOffset, plan: DialOverheadPlan): Promise<DialOverheadResult> {
  const emulator = sandbox.emulators[vendor];
  const baseline = new BaselineSender(emulator.server, sandbox.urls[vendor]);
  const endToEnd: number[] = [];
  const baselines: number[] = [];
  try {
    await screen.selectProfile(PROFILE[vendor]);
    for (let index = 0; index < plan.warmup + plan.samples; index += 1) {
      const number = dialNumber(vendor, index);
      await screen.numberBox.fill(number);
      await screen.waitDialerIdle();
      const arrival = nextRequest(emulator.server, isDialRequest(vendor), DIAL_TIMEOUT_MS, `dial request for ${number}`);
      await screen.numberBox.press('Enter');
      const request = await arrival;
      const keydownAt = await screen.probe.lastKeydown();
      if (keydownAt === undefined) throw new Error('the page recorded no Enter keydown');
      const baselineMs = await baseline.measure(request);
      if (index >= plan.warmup) {
        endToEnd.push(request.at - toBenchClock(keydownAt, clock));
        baselines.push(baselineMs);
      }
      await endCall(vendor, sandbox, screen, number, request.at);
      await screen.callCard(number).first().waitFor({ timeout: DIAL_TIMEOUT_MS });
    }
  } finally {
    await baseline.close();
  }
  const baselineMedian = percentile(sortedCopy(baselines), 50);
  const samples = endToEnd.map((value) => roundTo(value - baselineMedian, 3));
  return { ...distribution(samples), endToEndMs: distribution(endToEnd), baselineMs: distribution(baselines), samples };
}
