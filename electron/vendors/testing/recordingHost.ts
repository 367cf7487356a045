import type { CallRecord } from '../../../shared/callModel';
import type { AdapterHost, CallObservation, Logger } from '../adapter';

/** The AdapterHost of the adapter tests: records what the adapter reports, logs into a list. */
export function recordingHost(liveCalls: readonly CallRecord[] = []): {
  host: AdapterHost;
  observations: CallObservation[];
  logged: Array<Record<string, unknown>>;
} {
  const observations: CallObservation[] = [];
  const logged: Array<Record<string, unknown>> = [];
  const record = (message: string, fields?: Record<string, unknown>): void => {
    logged.push({ message, ...fields });
  };
  const log: Logger = { debug: record, info: record, warn: record, error: record };
  return {
    observations,
    logged,
    host: { callObserved: (observation) => observations.push(observation), sessionChanged: () => undefined, liveCalls: () => liveCalls, log },
  };
}
