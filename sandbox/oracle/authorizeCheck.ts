import { z } from 'zod';
import type { StartRequest } from './startChecks';

/** What a 2xx JSON reply of the authorize URL may override (design decision, vendors/oracle.md §7). */
const OverridesSchema = z
  .object({
    agentPhone: z.string().regex(/^[1-9][0-9]{5,14}$/).optional(),
    agentExtension: z.string().regex(/^[0-9.,*#]*$/).optional(),
    delay: z.number().int().min(0).max(900).optional(),
    userExtension: z.string().regex(/^[0-9.,*#]*$/).optional(),
    ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`var${i + 1}`, z.string().optional()])),
  })
  .loose();
export type AuthorizeOverrides = z.infer<typeof OverridesSchema>;

export type AuthorizeVerdict = { ok: true; overrides: AuthorizeOverrides } | { ok: false };

/** The URL to call: `authEncrypted` means the value is the base64 of the URL. */
export function authorizeTarget(start: StartRequest): URL | undefined {
  if (start.authorizeUrl === undefined) return undefined;
  const raw = start.authEncrypted ? Buffer.from(start.authorizeUrl, 'base64').toString('utf8') : start.authorizeUrl;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GETs the authorize URL with the call's details; anything but a 2xx with a valid JSON object
 * (or an empty body) within the timeout refuses the call.
 */
export async function authorizeStart(url: URL, start: StartRequest, callerIp: string, timeoutMs: number): Promise<AuthorizeVerdict> {
  const query = url.searchParams;
  const params: Record<string, string | undefined> = {
    contactId: start.contactId,
    userPhone: start.userPhone,
    userExtension: start.userExtension,
    visitorId: start.visitorId,
    referrerUrl: start.referrerUrl,
    language: start.language,
    ...start.optionalData,
    callerIp,
  };
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    if (response.status < 200 || response.status > 299) return { ok: false };
    const text = await response.text();
    const parsed = OverridesSchema.safeParse(text.trim() === '' ? {} : JSON.parse(text));
    return parsed.success ? { ok: true, overrides: parsed.data } : { ok: false };
  } catch {
    return { ok: false };
  }
}
