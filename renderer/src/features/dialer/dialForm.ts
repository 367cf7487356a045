import type { DialRequest } from '../../../../shared/ipc/contract';
import type { ProfileSummary } from '../../../../shared/session';
import { checkPostDial } from '../../../../shared/dialString';
import { cleanDialString, normalizeNumber, type NormalizedNumber } from '../../../../shared/phoneNumber';
import { parseStartAt, parseStartIn } from './schedule';

export interface DialFormValues {
  targetKind: 'phone' | 'agent';
  /** The number box as shown (formatted as typed). */
  number: string;
  postDial: string;
  agentId: string;
  agentName?: string;
  fromAgent: string;
  fromGroups: string[];
  presentedCli: string;
  startIn: string;
  startAt: string;
  /** Vendor-specific fields (capabilities.dialFields), by key. */
  extra: Record<string, string | boolean>;
}

export const EMPTY_FORM: DialFormValues = {
  targetKind: 'phone',
  number: '',
  postDial: '',
  agentId: '',
  fromAgent: '',
  fromGroups: [],
  presentedCli: '',
  startIn: '',
  startAt: '',
  extra: {},
};

/** The form fields a refusal can point at (focus goes there). */
export type FormField = 'number' | 'postDial' | 'agent' | 'fromGroups' | 'startIn' | 'startAt';

export type BuildResult = { ok: true; request: Omit<DialRequest, 'intentId'> } | { ok: false; field: FormField; message: string };

/** CallTarget limits: what the agent typed, and the number it resolves to. */
const INPUT_MAX = 64;
const NUMBER_MAX = 40;

/**
 * Turns what the agent typed into a contract request, or says which field is wrong and why.
 * `country` reads national numbers; `now` dates "Start at".
 */
export function buildDialRequest(values: DialFormValues, profile: ProfileSummary, country: string, now: Date = new Date()): BuildResult {
  const caps = profile.capabilities;
  const target = buildTarget(values, profile, country);
  if (!target.ok) return target;

  const from: NonNullable<DialRequest['from']> = {};
  if (caps.from.agent && values.fromAgent) from.agentId = values.fromAgent;
  if (caps.from.groups && values.fromGroups.length > 0) {
    if (from.agentId) return { ok: false, field: 'fromGroups', message: 'Place the call from an agent or from groups, not both.' };
    from.groupIds = values.fromGroups;
  }
  if (caps.presentedCli && values.presentedCli.trim()) from.presentedCli = values.presentedCli.trim();

  const schedule = buildSchedule(values, profile, now);
  if (!schedule.ok) return schedule;

  const options = vendorOptions(values.extra, profile);
  return {
    ok: true,
    request: {
      profileId: profile.id,
      target: target.target,
      ...(Object.keys(from).length > 0 ? { from } : {}),
      ...(schedule.schedule ? { schedule: schedule.schedule } : {}),
      ...(options ? { options } : {}),
    },
  };
}

function buildTarget(values: DialFormValues, profile: ProfileSummary, country: string): { ok: true; target: DialRequest['target'] } | Extract<BuildResult, { ok: false }> {
  if (values.targetKind === 'agent') {
    if (!values.agentId) return { ok: false, field: 'agent', message: 'Choose the agent to call.' };
    return { ok: true, target: { kind: 'agent', agentId: values.agentId, ...(values.agentName ? { name: values.agentName } : {}) } };
  }
  const input = values.number.trim();
  if (!input) return { ok: false, field: 'number', message: 'Enter a phone number.' };
  const normalized = normalizeNumber(input, country);
  if (normalized.number.replace(/^\+/, '').length === 0) return { ok: false, field: 'number', message: 'A phone number needs digits.' };
  if (input.length > INPUT_MAX || normalized.number.length > NUMBER_MAX) return { ok: false, field: 'number', message: `A phone number has at most ${NUMBER_MAX} digits.` };
  const postDial = values.postDial.trim();
  const check = checkPostDial(postDial, profile.vendor, profile.capabilities);
  if (!check.ok) return { ok: false, field: 'postDial', message: check.hint ? `${check.reason} ${check.hint}` : check.reason };
  return { ok: true, target: { kind: 'phone', input, number: normalized.number, ...(postDial ? { postDial } : {}) } };
}

function buildSchedule(values: DialFormValues, profile: ProfileSummary, now: Date): { ok: true; schedule?: DialRequest['schedule'] } | Extract<BuildResult, { ok: false }> {
  const { scheduling } = profile.capabilities;
  const startIn = scheduling.delayUnit ? values.startIn.trim() : '';
  const startAt = scheduling.at ? values.startAt.trim() : '';
  if (startIn && startAt) return { ok: false, field: 'startAt', message: 'Use "Start in" or "Start at", not both.' };
  if (startIn && scheduling.delayUnit) {
    const amount = parseStartIn(startIn, scheduling.delayUnit, scheduling.maxDelay);
    if (!amount.ok) return { ok: false, field: 'startIn', message: amount.message };
    return { ok: true, schedule: { kind: 'in', amount: amount.value, unit: scheduling.delayUnit } };
  }
  if (startAt) {
    const at = parseStartAt(startAt, now);
    if (!at.ok) return { ok: false, field: 'startAt', message: at.message };
    return { ok: true, schedule: { kind: 'at', at: at.value.toISOString() } };
  }
  return { ok: true };
}

/** The vendor's own dial fields, typed as its schema expects (skills are numbers, flags booleans). */
function vendorOptions(extra: DialFormValues['extra'], profile: ProfileSummary): DialRequest['options'] {
  const entries: [string, string | number | boolean][] = [];
  for (const field of profile.capabilities.dialFields ?? []) {
    const value = extra[field.key];
    if (value === undefined || value === '' || value === false) continue;
    if (field.kind === 'skill') entries.push([field.key, Number(value)]);
    else if (field.kind === 'flag') entries.push([field.key, value === true]);
    else entries.push([field.key, String(value).trim()]);
  }
  if (entries.length === 0) return undefined;
  return { vendor: profile.vendor, ...Object.fromEntries(entries) } as DialRequest['options'];
}

/**
 * Why a number looks wrong, when it does: an international number that cannot be complete, or
 * one outside every known range. The agent may still insist (new ranges appear before the
 * metadata knows them); the vendor has the last word.
 */
export function numberDoubt(input: string, normalized: NormalizedNumber, countryName: (code: string) => string): string | undefined {
  const cleaned = cleanDialString(input);
  if (normalized.e164 === undefined) {
    return cleaned.startsWith('+') ? `${cleaned} is not a complete international number. Check it, or press Call again to dial it as it is.` : undefined;
  }
  if (normalized.valid) return undefined;
  const where = normalized.country ? ` in ${countryName(normalized.country)}` : '';
  return `${normalized.display} is not a known number${where}. Check it, or press Call again to dial it as it is.`;
}
