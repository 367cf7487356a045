import type { CallAction, CallFailure, CallRecord, CallState, CallTarget } from '../../shared/callModel';
import type { Schedule } from '../../shared/ipc/contract';
import type { Directory, SessionStatus } from '../../shared/session';
import type { VendorCapabilities, VendorDialOptions } from '../../shared/vendors';
import type { AppError } from '../../shared/errors';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * What an adapter learned about a call from its vendor. The core's call registry owns the
 * records; adapters only report. `localId` is set when the adapter knows which of our calls
 * this is (it was given at dial time); otherwise the registry matches on `vendorCallId` or
 * records a call it has not seen (inbound, or found by a resync).
 */
export interface CallObservation {
  localId?: string;
  vendorCallId?: string;
  state: CallState;
  /** The vendor's own state or event name, kept in the timeline. */
  rawState: string;
  sourceEvent: string;
  /** What can be done to this call now, derived from the vendor's own data where it has any. */
  actions?: CallAction[];
  failure?: CallFailure;
  /** For calls the registry has not seen yet. */
  discovered?: { direction: 'outbound' | 'inbound'; target: CallTarget };
  at?: number;
}

export interface AdapterHost {
  callObserved(observation: CallObservation): void;
  sessionChanged(status: SessionStatus, detail?: string, error?: AppError): void;
  /** Calls of this profile that are not final, for resyncs. */
  liveCalls(): readonly CallRecord[];
  log: Logger;
}

export interface DialIntent {
  localId: string;
  target: CallTarget;
  from?: { agentId?: string; groupIds?: string[]; presentedCli?: string };
  schedule?: Schedule;
  options?: VendorDialOptions;
}

export interface CallRef {
  localId: string;
  vendorCallId?: string;
}

/**
 * One per profile. Methods throw `AppError` with the vendor's own words; they never retry a
 * request that may have placed a call (DESIGN §4).
 */
export interface VendorAdapter {
  readonly capabilities: VendorCapabilities;
  signIn(): Promise<string>;
  signOut(): Promise<void>;
  /**
   * Resolves once the vendor accepted the request; progress arrives through the host.
   * Throws `AppError` with code `OUTCOME_UNKNOWN` when the request may have placed a call
   * but no answer came back.
   */
  dial(intent: DialIntent): Promise<{ vendorCallId?: string }>;
  hangup(call: CallRef): Promise<void>;
  hold?(call: CallRef): Promise<void>;
  retrieve?(call: CallRef): Promise<void>;
  sendDigits?(call: CallRef, digits: string): Promise<void>;
  cancel?(call: CallRef): Promise<void>;
  directory?(): Promise<Directory>;
  /** Re-read call state from the vendor after a reconnect, resume from sleep, or unknown outcome. */
  resync(): Promise<void>;
  /**
   * The network may have changed under the adapter (the computer woke from sleep, the screen
   * was unlocked): drop a held event connection that may be dead, re-establish the stream or
   * poll now, and resync. Adapters without an open connection just resync.
   */
  reconnect?(): Promise<void>;
  dispose(): Promise<void>;
}

/** Secrets are resolved by the core and handed over only at the moment an adapter needs them. */
export type SecretReader = (field: string) => string | undefined;
