import type { FieldProblem, FieldValue, SettingsProfile, VendorForm } from '../../../../shared/settings';

export type FormValues = Record<string, string | boolean>;

/** What the form shows first: the profile's values when editing, else each field's default. */
export function initialValues(form: VendorForm, profile?: SettingsProfile): FormValues {
  const values: FormValues = {};
  for (const field of form.fields) {
    const current = profile?.values[field.key] ?? field.default;
    values[field.key] = field.kind === 'boolean' ? current === true : current === undefined ? '' : String(current);
  }
  return values;
}

/**
 * The values as main's profile schema expects them. A number box that does not hold a
 * whole number is sent as typed, so main answers with the field and the reason.
 */
export function requestValues(form: VendorForm, values: FormValues): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const field of form.fields) {
    const value = values[field.key];
    if (value === undefined) continue;
    if (field.kind === 'boolean') out[field.key] = value === true;
    else if (field.kind === 'integer' && typeof value === 'string' && /^-?\d+$/.test(value.trim())) out[field.key] = Number(value.trim());
    else out[field.key] = typeof value === 'string' ? value : String(value);
  }
  return out;
}

/** Problems by the field they belong to; those of no field of the form are shown above it. */
export function groupProblems(problems: readonly FieldProblem[], fieldKeys: readonly string[]): { byField: Map<string, string[]>; general: FieldProblem[] } {
  const byField = new Map<string, string[]>();
  const general: FieldProblem[] = [];
  for (const problem of problems) {
    const key = problem.path.split(/[.[]/)[0] ?? problem.path;
    if (fieldKeys.includes(key)) byField.set(key, [...(byField.get(key) ?? []), problem.message]);
    else general.push(problem);
  }
  return { byField, general };
}
