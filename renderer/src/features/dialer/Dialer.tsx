import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Directory, ProfileSummary } from '../../../../shared/session';
import type { DialField } from '../../../../shared/vendors/capabilities';
import { normalizeNumber } from '../../../../shared/phoneNumber';
import { ApiError, softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';
import { buildDialRequest, EMPTY_FORM, type DialFormValues } from './dialForm';

interface DialerProps {
  profiles: ProfileSummary[];
  profileId: string;
  onProfileChange(profileId: string): void;
  defaultCountry: string;
}

export function Dialer({ profiles, profileId, onProfileChange, defaultCountry }: DialerProps) {
  const profile = profiles.find((p) => p.id === profileId) ?? profiles[0];
  const [values, setValues] = useState<DialFormValues>(EMPTY_FORM);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | undefined>();
  const numberRef = useRef<HTMLInputElement>(null);
  const ids = { number: useId(), numberHelp: useId(), postDial: useId(), postDialHelp: useId(), error: useId(), startInHelp: useId() };
  const alert = useLive((s) => s.alert);
  const prefill = useLive((s) => s.prefill);
  const caps = profile?.capabilities;

  const needsDirectory = Boolean(caps && (caps.targets.includes('agent') || caps.from.agent || caps.from.groups || caps.dialFields?.some((f) => f.kind === 'skill')));
  const directory = useQuery({
    queryKey: ['directory', profile?.id],
    queryFn: () => unwrap(softphone['directory.get']({ profileId: profile?.id ?? '' })),
    enabled: Boolean(profile) && needsDirectory,
    staleTime: 60_000,
  });

  useEffect(() => {
    if (!prefill) return;
    if (prefill.profileId && profiles.some((p) => p.id === prefill.profileId)) onProfileChange(prefill.profileId);
    setValues((v) => ({ ...v, targetKind: 'phone', number: prefill.number, postDial: prefill.postDial ?? '' }));
    numberRef.current?.focus();
  }, [prefill, profiles, onProfileChange]);

  const dial = useMutation({
    mutationFn: (request: Parameters<(typeof softphone)['call.dial']>[0]) => unwrap(softphone['call.dial'](request)),
    onError: (error) => {
      const data = error instanceof ApiError ? error.data : { message: String(error) };
      alert({ title: data.message, ...('vendorMessage' in data && data.vendorMessage ? { vendorMessage: data.vendorMessage } : {}), ...('hint' in data && data.hint ? { hint: data.hint } : {}) });
    },
  });

  const preview = useMemo(() => (values.number.trim() ? normalizeNumber(values.number, defaultCountry) : undefined), [values.number, defaultCountry]);
  if (!profile || !caps) return <p>No profile is configured.</p>;

  const set = <K extends keyof DialFormValues>(key: K, value: DialFormValues[K]): void => {
    setValues((v) => ({ ...v, [key]: value }));
    if (fieldError?.field === key) setFieldError(undefined);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (dial.isPending) return;
    const built = buildDialRequest(values, profile, defaultCountry);
    if (!built.ok) {
      setFieldError({ field: built.field, message: built.message });
      return;
    }
    setFieldError(undefined);
    dial.mutate({ ...built.request, intentId: crypto.randomUUID() });
  };

  const agents = directory.data?.agents ?? [];
  const groups = directory.data?.groups ?? [];
  const canCallAgents = caps.targets.includes('agent');
  const postDialDisabled = caps.postDial.mode === 'none';

  return (
    <form className="dialer" onSubmit={submit} aria-label="Dialer">
      <div className="field">
        <label htmlFor="profile">Profile</label>
        <select
          id="profile"
          value={profile.id}
          onChange={(e) => {
            onProfileChange(e.target.value);
            setValues((v) => ({ ...EMPTY_FORM, number: v.number, postDial: v.postDial }));
            setFieldError(undefined);
          }}
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>

      {canCallAgents && (
        <fieldset className="field" role="radiogroup" aria-label="Call to">
          <legend>Call to</legend>
          <label>
            <input type="radio" name="targetKind" checked={values.targetKind === 'phone'} onChange={() => set('targetKind', 'phone')} /> Phone number
          </label>
          <label>
            <input type="radio" name="targetKind" checked={values.targetKind === 'agent'} onChange={() => set('targetKind', 'agent')} /> Agent
          </label>
        </fieldset>
      )}

      {values.targetKind === 'agent' && canCallAgents ? (
        <div className="field">
          <label htmlFor="agent">Agent</label>
          <select
            id="agent"
            value={values.agentId}
            aria-invalid={fieldError?.field === 'agent'}
            aria-describedby={fieldError?.field === 'agent' ? ids.error : undefined}
            onChange={(e) => {
              const chosen = agents.find((a) => a.id === e.target.value);
              setValues((v) => ({ ...v, agentId: e.target.value, ...(chosen ? { agentName: chosen.name } : {}) }));
            }}
          >
            <option value="">Choose an agent…</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.id}){a.presence ? ` — ${a.presence}` : ''}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={ids.number}>Phone number</label>
            <input
              id={ids.number}
              ref={numberRef}
              type="tel"
              autoComplete="off"
              autoFocus
              value={values.number}
              aria-invalid={fieldError?.field === 'number'}
              aria-describedby={`${ids.numberHelp}${fieldError?.field === 'number' ? ` ${ids.error}` : ''}`}
              onChange={(e) => set('number', e.target.value)}
            />
            <small id={ids.numberHelp} className="help">
              {preview
                ? preview.e164
                  ? `${preview.e164}${preview.country ? ` · ${preview.country}` : ''} · ${preview.valid ? 'valid number' : 'possible number — check it'}`
                  : `Dialled as ${preview.number || '—'} (not a public number in ${defaultCountry}; internal numbers are fine)`
                : `Numbers without + are read as ${defaultCountry} numbers.`}
            </small>
          </div>
          <div className="field">
            <label htmlFor={ids.postDial}>Post-dial digits</label>
            <input
              id={ids.postDial}
              type="text"
              autoComplete="off"
              value={values.postDial}
              disabled={postDialDisabled}
              aria-describedby={ids.postDialHelp}
              onChange={(e) => set('postDial', e.target.value)}
            />
            <small id={ids.postDialHelp} className="help">
              {caps.postDial.explanation} {postDialDisabled ? '' : 'Use 0–9, * and #; a comma waits 2 s.'}
            </small>
          </div>
        </>
      )}

      {caps.from.agent && (
        <div className="field">
          <label htmlFor="from-agent">From agent</label>
          <select id="from-agent" value={values.fromAgent} onChange={(e) => set('fromAgent', e.target.value)}>
            <option value="">The profile's agent</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.id})
              </option>
            ))}
          </select>
        </div>
      )}
      {caps.from.groups && (
        <div className="field">
          <label htmlFor="from-groups">From groups</label>
          <select
            id="from-groups"
            multiple
            size={Math.min(4, Math.max(2, groups.length))}
            value={values.fromGroups}
            aria-invalid={fieldError?.field === 'fromGroups'}
            onChange={(e) => set('fromGroups', Array.from(e.target.selectedOptions, (o) => o.value))}
          >
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.id})
              </option>
            ))}
          </select>
        </div>
      )}
      {caps.presentedCli && (
        <div className="field">
          <label htmlFor="presented-cli">Presented number</label>
          <input id="presented-cli" type="text" autoComplete="off" value={values.presentedCli} onChange={(e) => set('presentedCli', e.target.value)} />
        </div>
      )}
      {caps.scheduling.delayUnit && (
        <div className="field">
          <label htmlFor="start-in">Start in</label>
          <input
            id="start-in"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={values.startIn}
            aria-describedby={ids.startInHelp}
            aria-invalid={fieldError?.field === 'startIn'}
            onChange={(e) => set('startIn', e.target.value)}
          />
          <small id={ids.startInHelp} className="help">
            In {caps.scheduling.delayUnit}; leave empty to call now.
          </small>
        </div>
      )}
      {caps.scheduling.at && (
        <div className="field">
          <label htmlFor="start-at">Start at</label>
          <input id="start-at" type="text" autoComplete="off" placeholder="2026-11-21 14:30" value={values.startAt} aria-invalid={fieldError?.field === 'startAt'} onChange={(e) => set('startAt', e.target.value)} />
        </div>
      )}

      {(caps.dialFields ?? []).map((field) => (
        <VendorField
          key={`${profile.id}:${field.key}`}
          field={field}
          value={values.extra[field.key]}
          skills={directory.data?.skills ?? []}
          onChange={(value) => setValues((v) => ({ ...v, extra: { ...v.extra, [field.key]: value } }))}
        />
      ))}

      {fieldError && (
        <p id={ids.error} className="field-error" role="alert">
          {fieldError.message}
        </p>
      )}
      <button type="submit" className="call-button" aria-disabled={dial.isPending}>
        Call
      </button>
    </form>
  );
}

function VendorField({ field, value, skills, onChange }: { field: DialField; value: string | boolean | undefined; skills: Directory['skills']; onChange(value: string | boolean): void }) {
  const id = useId();
  const helpId = useId();
  const help = field.help ? (
    <small id={helpId} className="help">
      {field.help}
    </small>
  ) : null;
  const describedBy = field.help ? helpId : undefined;
  if (field.kind === 'flag') {
    return (
      <div className="field field--flag">
        <label>
          <input type="checkbox" checked={value === true} aria-describedby={describedBy} onChange={(e) => onChange(e.target.checked)} /> {field.label}
        </label>
        {help}
      </div>
    );
  }
  const choices = field.kind === 'skill' ? skills.map((skill) => ({ value: skill.id, label: `${skill.name} (${skill.id})` })) : field.choices;
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      {choices ? (
        <select id={id} value={typeof value === 'string' ? value : ''} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.kind === 'skill' ? 'Default skill' : 'Not set'}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} type="text" autoComplete="off" value={typeof value === 'string' ? value : ''} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      )}
      {help}
    </div>
  );
}
