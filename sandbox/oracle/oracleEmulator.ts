import type { ServerResponse } from 'node:http';
import type { Emulator, FarEndOutcome } from '../emulator';
import { EmulatorServer, parseJson, type EmulatorRequest, type EmulatorResponse } from '../framework/emulatorServer';
import { authorizeStart, authorizeTarget } from './authorizeCheck';
import { oracleControlRoutes } from './controlRoutes';
import { isValidCallback, jsonpError, jsonpReply, methodNotAllowed, ORACLE_REPLIES, textReply, type OracleReply } from './replies';
import {
  applyAction,
  DEFAULT_TIMINGS,
  endSession,
  newSessionId,
  outcomeByNumber,
  planSteps,
  seedSessions,
  stepAt,
  type OracleSession,
  type OracleTimings,
  type SessionAction,
  type SessionStep,
} from './sessions';
import { checkStartBody, startBodyFromQuery, userPhoneDigits, type StartRequest } from './startChecks';
import { statusBody } from './statusBody';
import { DEFAULT_TEMPLATE, SEED_TEMPLATES, type OracleTemplate } from './templates';

export interface OracleEmulatorOptions {
  /** Every wait (delay, `when`, answer, call length) is divided by this; 1 = real time. */
  timeScale: number;
  timings: OracleTimings;
  /** Status bodies in the documented examples' forms (`sessionid`, string `time`). */
  legacyQuirks: boolean;
  /** How long the authorize URL may take before the start is refused (documented design: 3 s). */
  authorizeTimeoutMs: number;
  templates: Readonly<Record<string, OracleTemplate>>;
}

const DEFAULT_OPTIONS: OracleEmulatorOptions = {
  timeScale: 1,
  timings: DEFAULT_TIMINGS,
  legacyQuirks: false,
  authorizeTimeoutMs: 3_000,
  templates: SEED_TEMPLATES,
};

export interface OracleSessionView {
  sessionId: string;
  /** The state now, or `unknown` before the first step. */
  callState: string;
  steps: readonly SessionStep[];
  request: StartRequest | undefined;
  agentPhone: string | undefined;
  agentExtension: string | undefined;
  outcome: FarEndOutcome;
  scheduledFor: number | undefined;
}

export interface OracleSettings {
  timings?: Partial<OracleTimings>;
  timeScale?: number;
  legacyQuirks?: boolean;
}

/** Test control of the Oracle emulator; each is also reachable under `/__sandbox/…` (see README). */
export interface OracleControl {
  sessions(): OracleSessionView[];
  session(sessionId: string): OracleSessionView | undefined;
  /** Forces a far-end event now; the session then leaves its timed plan. False when not applicable. */
  act(sessionId: string, action: SessionAction): boolean;
  upsertTemplate(contactId: string, template: Partial<OracleTemplate>): void;
  /** What the far end does for calls to this user phone (digits, no '+'); `invalid` answers 404 at start. */
  scriptOutcome(userPhone: string, outcome: FarEndOutcome): void;
  /** The next `times` starts that pass every check answer 404 `Call could not be started`. */
  failNextStart(times?: number): void;
  /** Moves the emulator clock forward: scheduled calls start, timed steps happen. */
  advance(ms: number): void;
  configure(settings: OracleSettings): void;
}

export interface OracleEmulator extends Emulator {
  readonly control: OracleControl;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; reply: OracleReply };

const CALL_PATH = /^\/call(?:\/.*)?$/;

export function createOracleEmulator(overrides: Partial<OracleEmulatorOptions> = {}): OracleEmulator {
  const options: OracleEmulatorOptions = { ...DEFAULT_OPTIONS, ...overrides, timings: { ...DEFAULT_TIMINGS, ...overrides.timings } };
  let settings = { timings: options.timings, timeScale: options.timeScale, legacyQuirks: options.legacyQuirks };
  let clockOffsetMs = 0;
  let templates = new Map<string, OracleTemplate>();
  let sessions = new Map<string, OracleSession>();
  let scripted = new Map<string, FarEndOutcome>();
  let failStarts = 0;
  const now = (): number => Date.now() + clockOffsetMs;

  const seed = (): void => {
    settings = { timings: { ...options.timings }, timeScale: options.timeScale, legacyQuirks: options.legacyQuirks };
    clockOffsetMs = 0;
    templates = new Map(Object.entries(options.templates).map(([id, template]) => [id, { ...template }]));
    sessions = new Map(seedSessions().map((session) => [session.sessionId, session]));
    scripted = new Map();
    failStarts = 0;
  };
  seed();

  async function startCall(contactId: string, userPhoneSegment: string, body: unknown, callerIp: string): Promise<Outcome<string>> {
    const template = templates.get(contactId);
    if (!template) return { ok: false, reply: ORACLE_REPLIES.templateNotFound };
    const userPhone = userPhoneDigits(userPhoneSegment);
    const outcome = userPhone === undefined ? 'invalid' : (scripted.get(userPhone) ?? outcomeByNumber(userPhone));
    if (userPhone === undefined || outcome === 'invalid') return { ok: false, reply: ORACLE_REPLIES.invalidUserPhone };
    const verdict = checkStartBody(contactId, userPhone, body, template, now());
    if (!verdict.ok) return verdict;
    const start = verdict.start;
    if (start.callAgentFirst && !template.callAgentFirstAllowed) return { ok: false, reply: ORACLE_REPLIES.reverseCallFlowNotPermitted };
    if (template.preAuth === 'deny') return { ok: false, reply: ORACLE_REPLIES.preAuthorizationFailed };

    let authorized: Awaited<ReturnType<typeof authorizeStart>> = { ok: true, overrides: {} };
    if (start.authorizeUrl !== undefined) {
      const target = authorizeTarget(start);
      authorized = target ? await authorizeStart(target, start, callerIp, options.authorizeTimeoutMs) : { ok: false };
    }
    if (!authorized.ok) return { ok: false, reply: ORACLE_REPLIES.preAuthorizationFailed };
    if (failStarts > 0) {
      failStarts -= 1;
      return { ok: false, reply: ORACLE_REPLIES.startFailed };
    }

    const { agentPhone, agentExtension, delay, userExtension, ...rest } = authorized.overrides;
    const overriddenData = Object.fromEntries(
      Object.entries(rest).filter((entry): entry is [string, string] => /^var(?:[1-9]|10)$/.test(entry[0]) && typeof entry[1] === 'string'),
    );
    const request: StartRequest = {
      ...start,
      delaySeconds: delay ?? start.delaySeconds,
      userExtension: userExtension ?? start.userExtension,
      optionalData: { ...template.optionalDefaults, ...start.optionalData, ...overriddenData },
    };
    const startedAt = now();
    const steps = planSteps(startedAt, request.when ?? startedAt + request.delaySeconds * 1000, outcome, settings.timings, settings.timeScale);
    const session: OracleSession = {
      sessionId: newSessionId(),
      request,
      agentPhone: agentPhone ?? template.agentPhone,
      agentExtension: agentExtension ?? template.agentExtension,
      outcome,
      scheduledFor: steps[0]?.state === 'scheduled' ? steps[1]?.at : undefined,
      steps,
      lastReported: undefined,
    };
    sessions.set(session.sessionId, session);
    return { ok: true, value: session.sessionId };
  }

  function readStatus(sessionId: string): Outcome<Record<string, unknown>> {
    const session = sessions.get(sessionId);
    if (!session) return { ok: false, reply: ORACLE_REPLIES.sessionNotFound };
    const step = stepAt(session, now());
    if (!step) return { ok: true, value: { sessionId, callState: 'unknown', more: 'maybe', hasChanged: 'no' } };
    const hasChanged = session.lastReported !== step.state;
    session.lastReported = step.state;
    return { ok: true, value: statusBody(session, step.state, step.at, hasChanged, settings.legacyQuirks) };
  }

  function endCall(sessionId: string): Outcome<{ callState: 'ended' }> {
    const session = sessions.get(sessionId);
    if (!session) return { ok: false, reply: ORACLE_REPLIES.endFailed };
    return endSession(session, now()) ? { ok: true, value: { callState: 'ended' } } : { ok: false, reply: ORACLE_REPLIES.alreadyEnded };
  }

  const plain = <T>(outcome: Outcome<T>): EmulatorResponse => (outcome.ok ? { status: 200, body: outcome.value } : textReply(outcome.reply));
  const wrapped = <T>(callback: string, outcome: Outcome<T>): EmulatorResponse =>
    outcome.ok ? jsonpReply(callback, outcome.value) : jsonpError(callback, outcome.reply);

  const routes = [
    {
      method: '*',
      path: '/call/2.0/:sessionId/status',
      handler: (req: EmulatorRequest): EmulatorResponse => {
        if (req.method !== 'GET') return methodNotAllowed('GET');
        const callback = req.query.get('callback');
        const outcome = readStatus(req.params.sessionId ?? '');
        if (callback === null) return plain(outcome);
        return isValidCallback(callback) ? wrapped(callback, outcome) : textReply(ORACLE_REPLIES.invalidCallback);
      },
    },
    {
      method: '*',
      path: '/call/2.0/:sessionId/end',
      handler: (req: EmulatorRequest): EmulatorResponse => {
        if (req.method !== 'GET') return methodNotAllowed('GET');
        const callback = req.query.get('callback');
        if (!isValidCallback(callback)) return textReply(ORACLE_REPLIES.invalidCallback);
        return wrapped(callback, endCall(req.params.sessionId ?? ''));
      },
    },
    {
      method: '*',
      path: '/call/2.0/:contactId/:userPhone/start',
      handler: async (req: EmulatorRequest): Promise<EmulatorResponse> => {
        if (req.method !== 'GET') return methodNotAllowed('GET');
        const callback = req.query.get('callback');
        if (!isValidCallback(callback)) return textReply(ORACLE_REPLIES.invalidCallback);
        const outcome = await startCall(req.params.contactId ?? '', req.params.userPhone ?? '', startBodyFromQuery(req.query), req.raw.socket.remoteAddress ?? '');
        return wrapped(callback, outcome.ok ? { ok: true, value: { sessionId: outcome.value } } : outcome);
      },
    },
    {
      method: '*',
      path: '/call/2.0/:contactId/:userPhone',
      handler: async (req: EmulatorRequest): Promise<EmulatorResponse> => {
        if (req.method !== 'POST') return methodNotAllowed('POST');
        const body = req.rawBody.trim() === '' ? {} : parseJson(req.rawBody);
        const outcome = await startCall(req.params.contactId ?? '', req.params.userPhone ?? '', body, req.raw.socket.remoteAddress ?? '');
        return plain(outcome.ok ? { ok: true, value: { sessionId: outcome.value } } : outcome);
      },
    },
    {
      method: '*',
      path: '/call/2.0/:sessionId',
      handler: (req: EmulatorRequest): EmulatorResponse => (req.method === 'DELETE' ? plain(endCall(req.params.sessionId ?? '')) : methodNotAllowed('DELETE')),
    },
    {
      // Any other path under /call, a wrong API version included. The docs quote the status
      // line of a bad status/end path as "404 Bad Request" (sic).
      method: '*',
      path: CALL_PATH,
      handler: (req: EmulatorRequest, res: ServerResponse): 'handled' => {
        const sic = req.method === 'DELETE' || req.path.endsWith('/status');
        res.writeHead(404, sic ? 'Bad Request' : 'Not Found');
        res.end();
        return 'handled';
      },
    },
  ];

  const view = (session: OracleSession): OracleSessionView => ({
    sessionId: session.sessionId,
    callState: stepAt(session, now())?.state ?? 'unknown',
    steps: session.steps.map((step) => ({ ...step })),
    request: session.request,
    agentPhone: session.agentPhone,
    agentExtension: session.agentExtension,
    outcome: session.outcome,
    scheduledFor: session.scheduledFor,
  });

  const control: OracleControl = {
    sessions: () => [...sessions.values()].map(view),
    session: (sessionId) => {
      const session = sessions.get(sessionId);
      return session ? view(session) : undefined;
    },
    act: (sessionId, action) => {
      const session = sessions.get(sessionId);
      return session ? applyAction(session, action, now()) : false;
    },
    upsertTemplate: (contactId, template) => {
      templates.set(contactId, { ...DEFAULT_TEMPLATE, ...templates.get(contactId), ...template });
    },
    scriptOutcome: (userPhone, outcome) => {
      scripted.set(userPhone, outcome);
    },
    failNextStart: (times = 1) => {
      failStarts += times;
    },
    advance: (ms) => {
      clockOffsetMs += ms;
    },
    configure: (change) => {
      settings = {
        timings: { ...settings.timings, ...change.timings },
        timeScale: change.timeScale ?? settings.timeScale,
        legacyQuirks: change.legacyQuirks ?? settings.legacyQuirks,
      };
    },
  };

  const server = new EmulatorServer({
    name: 'Oracle Click-to-Call',
    routes: [...oracleControlRoutes(control, (sessionId) => sessions.has(sessionId)), ...routes],
    onReset: seed,
  });

  return {
    vendor: 'oracle',
    server,
    control,
    listen: (port) => server.listen(port),
    close: () => server.close(),
  };
}
