import type { FarEndOutcome } from '../emulator';
import type { InitiateCallRequest } from './initiateCallChecks';

/** A call IOVOX accepted (HTTP 201), with what the far end will do. */
export interface IovoxCallRecord extends InitiateCallRequest {
  id: number;
  username: string;
  /** `call_destination` up to its first ',' (the number dialled). */
  destinationDigits: string | undefined;
  /** From the first ',' on: pauses and keypresses after the answer. */
  keypresses: string;
  /** Emulator clock, epoch ms. */
  requestedAt: number;
  scheduledAt: number;
  outcome: FarEndOutcome;
}

export interface CallLimit {
  /** Accepted calls per API user within `windowMs`; one more is refused. */
  maxCalls: number;
  windowMs: number;
}

/** The emulator's clock: real time plus what tests advanced it by. */
export class SandboxClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

/** Documented seed outcome rule (vendors/iovox.md §7): …9 busy, …8 no answer, anything else answered. */
export function outcomeByNumber(digits: string | undefined): FarEndOutcome {
  if (digits?.endsWith('9')) return 'busy';
  if (digits?.endsWith('8')) return 'no-answer';
  return 'answer';
}

/** Accepted calls, the per-user call limit, and far-end outcomes scripted by tests. */
export class CallBook {
  private calls: IovoxCallRecord[] = [];
  private scripted = new Map<string, FarEndOutcome>();
  private nextId = 1;

  constructor(
    private readonly clock: SandboxClock,
    public limit: CallLimit,
  ) {}

  list(): readonly IovoxCallRecord[] {
    return this.calls;
  }

  limitReached(username: string): boolean {
    const since = this.clock.now() - this.limit.windowMs;
    const recent = this.calls.filter((call) => call.username === username && call.requestedAt > since).length;
    return recent >= this.limit.maxCalls;
  }

  script(destinationDigits: string, outcome: FarEndOutcome): void {
    this.scripted.set(destinationDigits, outcome);
  }

  accept(username: string, request: InitiateCallRequest): IovoxCallRecord {
    const [destinationDigits, ...rest] = request.callDestination?.split(',') ?? [];
    const requestedAt = this.clock.now();
    const record: IovoxCallRecord = {
      ...request,
      id: this.nextId++,
      username,
      destinationDigits,
      keypresses: rest.length > 0 ? `,${rest.join(',')}` : '',
      requestedAt,
      scheduledAt: requestedAt + request.delayMinutes * 60_000,
      outcome: (destinationDigits && this.scripted.get(destinationDigits)) || outcomeByNumber(destinationDigits),
    };
    this.calls.push(record);
    return record;
  }

  reset(limit: CallLimit): void {
    this.calls = [];
    this.scripted = new Map();
    this.nextId = 1;
    this.limit = limit;
  }
}
