import { useId, useRef, useState, type FormEvent } from 'react';
import type { Vendor } from '../../../../shared/callModel';
import type { FieldProblem, FieldSpec, ProfileSaveRequest, SettingsProfile, VendorForm } from '../../../../shared/settings';
import { softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';
import { groupProblems, initialValues, requestValues, type FormValues } from './profileFormValues';
import { alertFrom } from './useSettings';

interface ProfileFormProps {
  forms: VendorForm[];
  /** The profile to edit; absent when adding one. */
  editing?: SettingsProfile;
  onSaved(profileId: string): void;
  onCancel(): void;
}

/**
 * Add or edit a profile. The fields come from the vendor's own profile schema (main sends
 * them), main validates with that schema and answers per field. Secrets are write-only boxes
 * whose content is sent once and then forgotten here.
 */
export function ProfileForm({ forms, editing, onSaved, onCancel }: ProfileFormProps) {
  const prefix = useId();
  const titleId = `${prefix}-title`;
  const [vendor, setVendor] = useState<Vendor>(editing?.vendor ?? forms[0]?.vendor ?? 'genesys');
  const form = forms.find((candidate) => candidate.vendor === vendor);
  const [values, setValues] = useState<FormValues>(() => (form ? initialValues(form, editing) : {}));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const alert = useLive((s) => s.alert);
  if (!form) return null;

  const fieldKeys = [...form.fields.map((field) => field.key), ...form.secrets.map((secret) => secret.key)];
  const { byField, general } = groupProblems(problems, fieldKeys);
  const inputId = (key: string): string => `${prefix}-${key}`;

  const changeVendor = (next: Vendor): void => {
    const nextForm = forms.find((candidate) => candidate.vendor === next);
    if (!nextForm) return;
    const kept = Object.fromEntries(['id', 'label', 'baseUrl'].flatMap((key) => (values[key] !== undefined ? [[key, values[key]]] : [])));
    setVendor(next);
    setValues({ ...initialValues(nextForm), ...kept });
    setSecrets({});
    setProblems([]);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const entered = Object.entries(secrets).filter(([, value]) => value !== '');
    const request: ProfileSaveRequest = {
      mode: editing ? 'edit' : 'add',
      vendor,
      values: requestValues(form, values),
      ...(entered.length > 0 ? { secrets: Object.fromEntries(entered.map(([key, value]) => [key, { action: 'set' as const, value }])) } : {}),
    };
    setBusy(true);
    try {
      const result = await unwrap(softphone['settings.profile.save'](request));
      if (result.saved) {
        setSecrets({});
        onSaved(result.profileId);
        return;
      }
      setProblems(result.problems);
      const first = result.problems.map((problem) => problem.path.split(/[.[]/)[0] ?? '').find((key) => fieldKeys.includes(key));
      requestAnimationFrame(() => (first ? document.getElementById(inputId(first)) : formRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus());
    } catch (error) {
      alert(alertFrom(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="profile-form" aria-labelledby={titleId} noValidate onSubmit={(event) => void submit(event)}>
      <h3 id={titleId}>{editing ? `Edit ${editing.label}` : 'Add a profile'}</h3>
      {problems.length > 0 && (
        <div role="alert" tabIndex={-1} className="form-problems">
          <p>
            The profile was not saved: {problems.length === 1 ? 'one field needs' : `${problems.length} fields need`} attention.
          </p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.path}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {general.length > 0 && <p className="field-error">{general.map((problem) => `${problem.path}: ${problem.message}`).join(' ')}</p>}

      <div className="field">
        <label htmlFor={inputId('vendor')}>Vendor</label>
        <select id={inputId('vendor')} value={vendor} disabled={Boolean(editing)} onChange={(event) => changeVendor(event.target.value as Vendor)}>
          {forms.map((candidate) => (
            <option key={candidate.vendor} value={candidate.vendor}>
              {candidate.vendorLabel}
            </option>
          ))}
        </select>
      </div>

      {form.fields.map((field) => (
        <FieldInput
          key={`${vendor}:${field.key}`}
          id={inputId(field.key)}
          field={field}
          value={values[field.key]}
          readOnly={Boolean(editing) && field.key === 'id'}
          errors={byField.get(field.key)}
          onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
        />
      ))}

      {editing ? (
        form.secrets.length > 0 && <p className="help">Secrets are replaced or cleared in the profile list, where their state is shown.</p>
      ) : (
        form.secrets.map((secret) => {
          const errors = byField.get(secret.key);
          const helpId = `${inputId(secret.key)}-help`;
          const errorId = `${inputId(secret.key)}-error`;
          return (
            <div className="field" key={`${vendor}:${secret.key}`}>
              <label htmlFor={inputId(secret.key)}>{secret.label}</label>
              <input
                id={inputId(secret.key)}
                type="password"
                autoComplete="new-password"
                value={secrets[secret.key] ?? ''}
                aria-invalid={errors ? true : undefined}
                aria-describedby={`${helpId}${errors ? ` ${errorId}` : ''}`}
                onChange={(event) => setSecrets((current) => ({ ...current, [secret.key]: event.target.value }))}
              />
              <small id={helpId} className="help">
                Stored encrypted on this computer and never shown again. Leave empty to set it later.
              </small>
              {errors && (
                <p id={errorId} className="field-error">
                  {secret.key}: {errors.join('; ')}
                </p>
              )}
            </div>
          );
        })
      )}

      <div className="form-actions">
        <button type="submit" className="primary" aria-disabled={busy}>
          {editing ? 'Save changes' : 'Save profile'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface FieldInputProps {
  id: string;
  field: FieldSpec;
  value: string | boolean | undefined;
  readOnly: boolean;
  errors: string[] | undefined;
  onChange(value: string | boolean): void;
}

function FieldInput({ id, field, value, readOnly, errors, onChange }: FieldInputProps) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [field.help || readOnly ? helpId : '', errors ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const help = (field.help || readOnly) && (
    <small id={helpId} className="help">
      {readOnly ? 'The id cannot be changed; add a new profile for another id.' : field.help}
    </small>
  );
  const error = errors && (
    <p id={errorId} className="field-error">
      {field.key}: {errors.join('; ')}
    </p>
  );
  if (field.kind === 'boolean') {
    return (
      <div className="field field--flag">
        <label>
          <input id={id} type="checkbox" checked={value === true} aria-invalid={errors ? true : undefined} aria-describedby={describedBy} onChange={(event) => onChange(event.target.checked)} /> {field.label}
        </label>
        {help}
        {error}
      </div>
    );
  }
  const label = `${field.label}${field.required ? ' (required)' : ''}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {field.kind === 'choice' ? (
        <select id={id} value={typeof value === 'string' ? value : ''} aria-invalid={errors ? true : undefined} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)}>
          {!field.required && field.default === undefined && <option value="">Not set</option>}
          {(field.choices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.kind === 'url' ? 'url' : 'text'}
          inputMode={field.kind === 'integer' ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          readOnly={readOnly}
          value={typeof value === 'string' ? value : ''}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {help}
      {error}
    </div>
  );
}
