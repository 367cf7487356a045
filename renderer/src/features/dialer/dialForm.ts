import type { DialRequest } from '../../../../shared/ipc/contract';
import type { ProfileSummary } from '../../../../shared/session';
import { normalizeNumber } from '../../../../shared/phoneNumber';

export interface DialFormValues {
  targetKind: 'phone' | 'agent';
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

export type BuildResult = { ok: true; request: Omit<DialRequest, 'intentId'> } | { ok: false; field: string; message: string };

/** Turns what the agent typed into a contract request, or says which field is wrong and why. */
export function buildDialRequest(values: DialFormValues, profile: ProfileSummary, defaultCountry: string): BuildResult {
  const caps = profile.capabilities;
  let target: DialRequest['target'];
  if (values.targetKind === 'agent') {
    if (!values.agentId) return { ok: false, field: 'agent', message: 'Choose the agent to call.' };
    target = { kind: 'agent', agentId: values.agentId, ...(values.agentName ? { name: values.agentName } : {}) };
  } else {
    const input = values.number.trim();
    if (!input) return { ok: false, field: 'number', message: 'Enter a phone number.' };
    const normalized = normalizeNumber(input, defaultCountry);
    if (normalized.number.replace(/^\+/, '').length === 0) return { ok: false, field: 'number', message: 'A phone number needs digits.' };
    const postDial = values.postDial.trim();
    target = { kind: 'phone', input, number: normalized.number, ...(postDial ? { postDial } : {}) };
  }

  const from: NonNullable<DialRequest['from']> = {};
  if (caps.from.agent && values.fromAgent) from.agentId = values.fromAgent;
  if (caps.from.groups && values.fromGroups.length > 0) {
    if (from.agentId) return { ok: false, field: 'fromGroups', message: 'Place the call from an agent or from groups, not both.' };
    from.groupIds = values.fromGroups;
  }
  if (caps.presentedCli && values.presentedCli.trim()) from.presentedCli = values.presentedCli.trim();

  let schedule: DialRequest['schedule'];
  if (values.startIn.trim() && caps.scheduling.delayUnit) {
    const amount = Number(values.startIn.trim());
    if (!Number.isInteger(amount) || amount <= 0) {
      return { ok: false, field: 'startIn', message: `"Start in" takes a whole number of ${caps.scheduling.delayUnit}.` };
    }
    schedule = { kind: 'in', amount, unit: caps.scheduling.delayUnit };
  } else if (values.startAt.trim() && caps.scheduling.at) {
    const at = new Date(values.startAt.trim().replace(' ', 'T'));
    if (Number.isNaN(at.getTime())) return { ok: false, field: 'startAt', message: '"Start at" takes a date and time such as 2026-11-21 14:30.' };
    schedule = { kind: 'at', at: at.toISOString() };
  }

  const options = vendorOptions(values.extra, profile);
  return {
    ok: true,
    request: {
      profileId: profile.id,
      target,
      ...(Object.keys(from).length > 0 ? { from } : {}),
      ...(schedule ? { schedule } : {}),
      ...(options ? { options } : {}),
    },
  };
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
