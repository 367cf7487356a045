import type { Vendor } from '../shared/callModel';
import type { EmulatorServer } from './framework/emulatorServer';

/** One vendor emulator: its HTTP server (with `/__sandbox/*` control routes) and lifecycle. */
export interface Emulator {
  readonly vendor: Vendor;
  readonly server: EmulatorServer;
  /** Starts listening on 127.0.0.1 (port 0 = any free port) and returns the base URL. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

/** Far-end outcomes every emulator can script, by dialled number or through its control API. */
export type FarEndOutcome = 'answer' | 'busy' | 'no-answer' | 'invalid';
