import { z } from 'zod';
import type { EmulatorRequest, EmulatorResponse, Route } from '../framework/emulatorServer';
import { parseJson } from '../framework/emulatorServer';
import { callHref, callRepresentation } from './callRepresentation';
import { VCC_MESSAGES, unsupportedContentType } from './messages';
import { checkCallRequest, mediaTypeOf } from './requestRules';
import type { ForcedResponse, VccWorld } from './vccWorld';

const JSON_TYPE = 'application/json; charset=utf-8';

const TOKEN_PATH = /^\/v0\/oauth2\/token\/?$/i;
const CALLS_PATH = /^\/v0\/(?<accountKey>[^/]+)\/calls\/?$/i;
const CALL_PATH = /^\/v0\/(?<accountKey>[^/]+)\/calls\/(?<callId>[^/]+)\/?$/i;

const RecordingRequestSchema = z.object({ recordingStatus: z.enum(['Started', 'Paused']) });

const message = (status: number, text: string, headers: Record<string, string> = {}): EmulatorResponse => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body: { message: text },
});

const oauthError = (status: 400 | 401, error: string): EmulatorResponse => ({
  status,
  headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...(status === 401 ? { 'www-authenticate': 'Basic realm="VCC"' } : {}) },
  body: { error },
});

const unauthorized = (): EmulatorResponse => message(401, VCC_MESSAGES.unauthorized, { 'www-authenticate': 'Bearer' });

function headerOf(req: EmulatorRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `Basic base64(accountKey:apiToken)`; the secret may itself contain `:`, `+`, `/` and `=`. */
function basicCredentials(authorization: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function formCredentials(form: URLSearchParams): { id: string; secret: string } | undefined {
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : undefined;
}

function forcedAnswer(forced: ForcedResponse): EmulatorResponse {
  const defaultText =
    forced.status === 401
      ? VCC_MESSAGES.unauthorized
      : forced.status === 429
        ? VCC_MESSAGES.tooManyRequests
        : forced.status >= 500
          ? VCC_MESSAGES.serverError
          : VCC_MESSAGES.callFailed;
  return message(forced.status, forced.message ?? defaultText, forced.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
}

/** VCC's Calls API: token, make a call, call detail, pause/resume recording (vendors/vonage.md §3). */
export function vendorRoutes(world: VccWorld, baseUrl: () => string): Route[] {
  /** A bearer token issued for this very account, still within its lifetime; 401 otherwise. */
  const authorize = (req: EmulatorRequest): EmulatorResponse | undefined => {
    const match = /^Bearer\s+(\S+)$/i.exec(headerOf(req, 'authorization') ?? '');
    const accountKey = req.params.accountKey ?? '';
    return match?.[1] && world.tokens.isValid(match[1], accountKey) ? undefined : unauthorized();
  };

  const issueToken = (req: EmulatorRequest): EmulatorResponse => {
    if (mediaTypeOf(headerOf(req, 'content-type')).toLowerCase() !== 'application/x-www-form-urlencoded') {
      return oauthError(400, 'invalid_request');
    }
    const form = new URLSearchParams(req.rawBody);
    const grantType = form.get('grant_type');
    if (grantType === null) return oauthError(400, 'invalid_request');
    if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
    const credentials = basicCredentials(headerOf(req, 'authorization')) ?? formCredentials(form);
    const account = credentials ? world.accounts.get(credentials.id) : undefined;
    if (!credentials || !account?.apiTokens.has(credentials.secret)) return oauthError(401, 'invalid_client');
    const ttl = world.options.tokenTtlSeconds;
    return {
      status: 200,
      headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
      body: { access_token: world.tokens.issue(account.key, ttl), token_type: 'bearer', expires_in: ttl },
    };
  };

  const makeCall = (req: EmulatorRequest): EmulatorResponse => {
    const denied = authorize(req);
    if (denied) return denied;
    const forced = world.takeForced('create');
    if (forced) return forcedAnswer(forced);
    const checked = checkCallRequest(headerOf(req, 'content-type'), req.rawBody);
    if (!checked.ok) return message(checked.status, checked.message);
    const placed = world.place(req.params.accountKey ?? '', checked.request);
    if (!placed.ok) return message(400, placed.message);
    return {
      status: 201,
      headers: { 'content-type': JSON_TYPE, location: callHref(baseUrl(), placed.call) },
      body: callRepresentation(placed.call, baseUrl()),
    };
  };

  const callDetail = (req: EmulatorRequest): EmulatorResponse => {
    const denied = authorize(req);
    if (denied) return denied;
    const forced = world.takeForced('detail');
    if (forced) return forcedAnswer(forced);
    const call = world.readableCall(req.params.accountKey ?? '', req.params.callId ?? '');
    if (!call) return message(404, VCC_MESSAGES.callNotFound);
    return { status: 200, headers: { 'content-type': JSON_TYPE }, body: callRepresentation(call, baseUrl()) };
  };

  const setRecording = (req: EmulatorRequest): EmulatorResponse => {
    const denied = authorize(req);
    if (denied) return denied;
    const forced = world.takeForced('recording');
    if (forced) return forcedAnswer(forced);
    const mediaType = mediaTypeOf(headerOf(req, 'content-type'));
    if (mediaType.toLowerCase() !== 'application/json') {
      return message(415, unsupportedContentType(mediaType || 'application/octet-stream'));
    }
    const parsed = RecordingRequestSchema.safeParse(parseJson(req.rawBody));
    if (!parsed.success) return message(400, VCC_MESSAGES.requestInvalid);
    const call = world.readableCall(req.params.accountKey ?? '', req.params.callId ?? '');
    if (!call) return message(404, VCC_MESSAGES.callNotFound);
    if (call.status !== 'Active') return message(400, VCC_MESSAGES.requestInvalid);
    call.recordingStatus = parsed.data.recordingStatus;
    return { status: 202 };
  };

  return [
    { method: 'POST', path: TOKEN_PATH, handler: issueToken },
    { method: 'POST', path: CALLS_PATH, handler: makeCall },
    { method: '*', path: CALLS_PATH, handler: () => message(405, VCC_MESSAGES.methodNotAllowed, { allow: 'POST' }) },
    { method: 'GET', path: CALL_PATH, handler: callDetail },
    { method: 'POST', path: CALL_PATH, handler: setRecording },
    { method: '*', path: CALL_PATH, handler: () => message(405, VCC_MESSAGES.methodNotAllowed, { allow: 'GET, POST' }) },
  ];
}
