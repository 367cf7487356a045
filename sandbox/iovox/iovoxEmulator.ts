import type { IncomingHttpHeaders } from 'node:http';
import type { Emulator, FarEndOutcome } from '../emulator';
import { EmulatorServer, type EmulatorRequest, type EmulatorResponse } from '../framework/emulatorServer';
import { CallBook, SandboxClock, type CallLimit, type IovoxCallRecord } from './callBook';
import { getCallData } from './callData';
import { iovoxControlRoutes } from './controlRoutes';
import { errorsResponse, IOVOX_ERRORS } from './errorResponses';
import { checkInitiateCall } from './initiateCallChecks';
import { checkApiVersion, checkMethods } from './requestChecks';
import { SEED_CREDENTIALS, SEED_LINKS, type IovoxCredential, type IovoxLink } from './seed';

export interface IovoxEmulatorOptions {
  /** Default 5 accepted calls per API user per 60 s (vendors/iovox.md §7). */
  callLimit: CallLimit;
  /** A call's record appears in getCallData this long after its scheduled start. */
  callRecordDelayMs: number;
  credentials: readonly IovoxCredential[];
  links: readonly IovoxLink[];
}

const DEFAULT_OPTIONS: IovoxEmulatorOptions = {
  callLimit: { maxCalls: 5, windowMs: 60_000 },
  callRecordDelayMs: 30_000,
  credentials: SEED_CREDENTIALS,
  links: SEED_LINKS,
};

/** Test control of the IOVOX emulator; each is also reachable under `/__sandbox/…` (see README). */
export interface IovoxControl {
  /** Calls answered with 201, oldest first. */
  calls(): readonly IovoxCallRecord[];
  /** The next `times` initiateCalls that pass every check answer 500 `Internal Server Error` and place nothing. */
  failNext(times?: number): void;
  /** Moves the emulator's clock forward: delayed calls start and call records appear. */
  advanceMinutes(minutes: number): void;
  setCallLimit(limit: Partial<CallLimit>): void;
  upsertLink(link: Pick<IovoxLink, 'linkId'> & Partial<IovoxLink>): void;
  /** What the far end does for calls to this number (digits before the keypress suffix). */
  scriptOutcome(destinationDigits: string, outcome: FarEndOutcome): void;
}

export interface IovoxEmulator extends Emulator {
  readonly control: IovoxControl;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function createIovoxEmulator(overrides: Partial<IovoxEmulatorOptions> = {}): IovoxEmulator {
  const options: IovoxEmulatorOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const clock = new SandboxClock();
  const book = new CallBook(clock, { ...options.callLimit });
  let links = new Map<string, IovoxLink>();
  let forcedFailures = 0;
  const seed = (): void => {
    links = new Map(options.links.map((link) => [link.linkId, { ...link }]));
    book.reset({ ...options.callLimit });
    clock.reset();
    forcedFailures = 0;
  };
  seed();

  /** The API user these headers authenticate, if any (header names are case-insensitive on the wire). */
  const authenticate = (headers: IncomingHttpHeaders): string | undefined => {
    const username = headerValue(headers, 'username');
    const secureKey = headerValue(headers, 'securekey');
    return options.credentials.find((c) => c.username === username && c.secureKey === secureKey)?.username;
  };

  const initiateCall = (req: EmulatorRequest): EmulatorResponse => {
    const username = authenticate(req.headers);
    if (username === undefined) return errorsResponse([IOVOX_ERRORS.unauthorized]);
    const early =
      checkApiVersion(req.query.get('v')) ??
      checkMethods({ apiMethod: 'initiateCall', httpMethod: 'POST' }, { apiMethod: req.query.get('method'), httpMethod: req.method });
    if (early) return errorsResponse([early]);
    const verdict = checkInitiateCall(req.rawBody, (linkId) => links.get(linkId));
    if (!verdict.ok) return errorsResponse(verdict.errors);
    if (book.limitReached(username)) return errorsResponse([IOVOX_ERRORS.callsExceeded]);
    if (forcedFailures > 0) {
      forcedFailures -= 1;
      return errorsResponse([IOVOX_ERRORS.internal]);
    }
    book.accept(username, verdict.request);
    return { status: 201 };
  };

  const callData = (req: EmulatorRequest): EmulatorResponse => {
    if (authenticate(req.headers) === undefined) return errorsResponse([IOVOX_ERRORS.unauthorized]);
    const early =
      checkApiVersion(req.query.get('v')) ??
      checkMethods({ apiMethod: 'getCallData', httpMethod: 'GET' }, { apiMethod: req.query.get('method'), httpMethod: req.method });
    if (early) return errorsResponse([early]);
    return getCallData(req.query, book.list(), (call) => call.scheduledAt + options.callRecordDelayMs <= clock.now());
  };

  const control: IovoxControl = {
    calls: () => book.list(),
    failNext: (times = 1) => {
      forcedFailures += times;
    },
    advanceMinutes: (minutes) => clock.advance(minutes * 60_000),
    setCallLimit: (limit) => {
      book.limit = { ...book.limit, ...limit };
    },
    upsertLink: (link) => {
      const current = links.get(link.linkId);
      links.set(link.linkId, {
        hasCallingRules: true,
        requiredVariables: [],
        optionalVariables: [],
        ...current,
        ...link,
      });
    },
    scriptOutcome: (destinationDigits, outcome) => book.script(destinationDigits, outcome),
  };

  const server = new EmulatorServer({
    name: 'IOVOX',
    routes: [
      { method: '*', path: '/Calling', handler: initiateCall },
      { method: '*', path: '/Calls', handler: callData },
      ...iovoxControlRoutes(control),
    ],
    onReset: seed,
  });

  return {
    vendor: 'iovox',
    server,
    control,
    listen: (port) => server.listen(port),
    close: () => server.close(),
  };
}
