import type { z } from 'zod';
import { VENDOR_LABELS } from '../../../shared/callModel';
import { formatJsonPath } from '../../../shared/jsonPath';
import type { FieldProblem, ProfileSaveRequest } from '../../../shared/settings';
import { ProfileSchema, type Profile } from '../../vendors/registry';
import { secretFieldsForVendor } from '../profiles/vendorProfiles';

export type DraftOutcome = { ok: true; profile: Profile } | { ok: false; problems: FieldProblem[] };

/**
 * Turns what the Settings form sent into a profile, validated by the vendor's own profile
 * schema, or says per field what is wrong. Secret values never enter the profile: a secret
 * field keeps at most the `{ "env": NAME }` reference it had, unless the user replaces or
 * clears that secret.
 */
export function buildProfile(request: ProfileSaveRequest, existing: Profile | undefined): DraftOutcome {
  const secretFields = secretFieldsForVendor(request.vendor);
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(request.values)) {
    if (secretFields.includes(key)) problems.push({ path: key, message: 'is a secret: enter it in its own box, where it is stored encrypted' });
  }
  for (const key of Object.keys(request.secrets ?? {})) {
    if (!secretFields.includes(key)) problems.push({ path: key, message: `is not a secret of ${VENDOR_LABELS[request.vendor]} profiles` });
  }
  if (existing) {
    if (existing.vendor !== request.vendor) problems.push({ path: 'vendor', message: 'cannot be changed: add a new profile for the other vendor' });
    if (request.values.id !== existing.id) problems.push({ path: 'id', message: `cannot be changed (it is "${existing.id}")` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const candidate: Record<string, unknown> = { vendor: request.vendor };
  for (const [key, value] of Object.entries(request.values)) {
    // An empty box means "not set": optional fields fall back to their defaults.
    if (typeof value === 'string' && value.trim() === '') continue;
    candidate[key] = typeof value === 'string' ? value.trim() : value;
  }
  for (const field of secretFields) {
    const kept = existing ? (existing as Record<string, unknown>)[field] : undefined;
    if (kept !== undefined && request.secrets?.[field] === undefined) candidate[field] = kept;
  }

  const parsed = ProfileSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap((issue) => describeIssue(issue, candidate)) };
}

/** One problem per field, in the words a person filling the form reads. */
export function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): FieldProblem[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: formatJsonPath([...issue.path, key]), message: 'is not a field of this vendor’s profiles' }));
  const [first] = issue.path;
  if (issue.path.length === 1 && typeof first === 'string' && input[first] === undefined) return [{ path: first, message: 'is required' }];
  return [{ path: formatJsonPath(issue.path), message: issue.message }];
}
