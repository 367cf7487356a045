import { useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { DialRequest } from '../../../../shared/ipc/contract';
import { formatAsTyped, normalizeNumber } from '../../../../shared/phoneNumber';
import type { ProfileSummary } from '../../../../shared/session';
import { VENDOR_LABELS } from '../../../../shared/callModel';
import { ApiError, softphone, unwrap } from '../../api/softphoneClient';
import { requestCallFocus } from '../../state/focusRequests';
import { useLive, type Prefill } from '../../state/liveStore';
import { DirectoryCombobox } from '../directory/DirectoryCombobox';
import { GroupListbox } from '../directory/GroupListbox';
import { useFavourites } from '../directory/useFavourites';
import { countryName } from './countries';
import { buildDialRequest, EMPTY_FORM, numberDoubt, type DialFormValues, type FormField } from './dialForm';
import { LinkPrompt } from './LinkPrompt';
import { LinkSettingsField } from './LinkSettingsField';
import { dialStringOf } from './numberEditing';
import { PhoneNumberField } from './PhoneNumberField';
import { PostDialField } from './PostDialField';
import { ScheduleFields } from './ScheduleFields';
import { VendorField } from './VendorField';

interface DialerProps {
  profiles: ProfileSummary[];
  profileId: string;
  onProfileChange(profileId: string): void;
  /** The configured default country: national numbers are read in it unless the agent picks another. */
  defaultCountry: string;
  /** What the app's keyboard shortcuts do here. */
  handle?: Ref<DialerHandle>;
}

/** The dialer's part in the keyboard shortcuts, each the same as the agent doing it by hand. */
export interface DialerHandle {
  focusNumber(): void;
  /** Submits the form: one intent, exactly as Enter or "Call". */
  dial(): void;
  /** Focuses the agent picker (or "From agent"); false when the profile has none. */
  openDirectory(): boolean;
  switchProfile(profileId: string): void;
}

/**
 * The last link prefill shown. Kept outside the component: the dialer may be unmounted and
 * mounted again (another screen), and a prefill must ask once, not every time it reappears.
 */
let shownPrefill = 0;

export function Dialer({ profiles, profileId, onProfileChange, defaultCountry, handle }: DialerProps) {
  const profile = profiles.find((p) => p.id === profileId) ?? profiles[0];
  const [values, setValues] = useState<DialFormValues>(EMPTY_FORM);
  // The agent's country for this session; a new configured default replaces it.
  const [countryChoice, setCountryChoice] = useState({ forDefault: defaultCountry, country: defaultCountry });
  const country = countryChoice.forDefault === defaultCountry ? countryChoice.country : defaultCountry;
  const [problem, setProblem] = useState<{ field: FormField; message: string } | undefined>();
  const [insistedOn, setInsistedOn] = useState<string | undefined>();
  const [prompt, setPrompt] = useState<Prefill | undefined>();
  const numberRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const submitting = useRef(false);
  const ids = {
    number: useId(),
    postDial: useId(),
    agent: useId(),
    fromAgent: useId(),
    fromGroups: useId(),
    startIn: useId(),
    startAt: useId(),
    problem: useId(),
  };
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
  const { favourites, setFavourite } = useFavourites(profile?.id ?? '', Boolean(profile) && needsDirectory);

  useEffect(() => {
    if (!prefill || prefill.seq === shownPrefill) return;
    shownPrefill = prefill.seq;
    if (prefill.profileId && profiles.some((p) => p.id === prefill.profileId)) onProfileChange(prefill.profileId);
    setValues((v) => ({ ...v, targetKind: 'phone', number: formatAsTyped(dialStringOf(prefill.number), country), postDial: prefill.postDial ?? '' }));
    setProblem(undefined);
    setPrompt(prefill);
  }, [prefill, profiles, onProfileChange, country]);

  const changeProfile = (next: string): void => {
    onProfileChange(next);
    setValues((v) => ({ ...EMPTY_FORM, number: v.number, postDial: v.postDial }));
    setProblem(undefined);
    setInsistedOn(undefined);
  };
  // The fields a shortcut focuses are drawn first (flushSync), then focused.
  useImperativeHandle(handle, () => ({
    focusNumber: () => {
      flushSync(() => setValues((v) => (v.targetKind === 'phone' ? v : { ...v, targetKind: 'phone' })));
      numberRef.current?.focus();
    },
    dial: () => formRef.current?.requestSubmit(),
    openDirectory: () => {
      const picker = caps?.targets.includes('agent') ? ids.agent : caps?.from.agent ? ids.fromAgent : undefined;
      if (!picker) return false;
      if (picker === ids.agent) flushSync(() => setValues((v) => ({ ...v, targetKind: 'agent' })));
      document.getElementById(picker)?.focus();
      return true;
    },
    switchProfile: changeProfile,
  }));

  const dial = useMutation({
    mutationFn: (request: DialRequest) => unwrap(softphone['call.dial'](request)),
    // The focus goes to the new call, where the agent follows it and can hang up.
    onSuccess: ({ callId }) => requestCallFocus(callId),
    onSettled: () => {
      submitting.current = false;
    },
    onError: (error) => {
      const data = error instanceof ApiError ? error.data : { message: String(error) };
      alert({ title: data.message, ...('vendorMessage' in data && data.vendorMessage ? { vendorMessage: data.vendorMessage } : {}), ...('hint' in data && data.hint ? { hint: data.hint } : {}) });
    },
  });

  if (!profile || !caps) return <p>No profile is configured.</p>;

  const fieldIds: Record<FormField, string> = { number: ids.number, postDial: ids.postDial, agent: ids.agent, fromGroups: ids.fromGroups, startIn: ids.startIn, startAt: ids.startAt };
  const report = (field: FormField, message: string): void => {
    setProblem({ field, message });
    document.getElementById(fieldIds[field])?.focus();
  };
  const errorFor = (field: FormField): string | undefined => (problem?.field === field ? ids.problem : undefined);
  const set = <K extends keyof DialFormValues>(key: K, value: DialFormValues[K]): void => {
    setValues((v) => ({ ...v, [key]: value }));
    if (problem?.field === key) setProblem(undefined);
    if (key === 'number' || key === 'postDial') setPrompt(undefined);
  };

  /** One Enter, one click, one confirmed link: one intent. */
  const place = (): void => {
    if (submitting.current) return;
    const built = buildDialRequest(values, profile, country);
    if (!built.ok) return report(built.field, built.message);
    const target = built.request.target;
    if (target.kind === 'phone') {
      const doubt = numberDoubt(values.number, normalizeNumber(values.number, country), countryName);
      // A doubtful number is dialled when the agent asks a second time: the vendor has the last word.
      if (doubt && insistedOn !== target.number) {
        setInsistedOn(target.number);
        return report('number', doubt);
      }
    }
    setProblem(undefined);
    setInsistedOn(undefined);
    setPrompt(undefined);
    submitting.current = true;
    dial.mutate({ ...built.request, intentId: crypto.randomUUID() });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    place();
  };

  const agents = directory.data?.agents ?? [];
  const groups = directory.data?.groups ?? [];
  const canCallAgents = caps.targets.includes('agent');
  const vendorLabel = VENDOR_LABELS[profile.vendor];

  return (
    <div className="dialer">
      {prompt && (
        <LinkPrompt
          display={normalizeNumber(prompt.number, country).display}
          postDial={prompt.postDial}
          profileLabel={profile.label}
          vendor={profile.vendor}
          capabilities={caps}
          onCall={place}
          onCancel={() => {
            setPrompt(undefined);
            numberRef.current?.focus();
          }}
        />
      )}
      <form
        ref={formRef}
        className="dialer__form"
        onSubmit={submit}
        aria-label="Dialer"
        // Holding Enter down must not repeat the dial.
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.repeat) event.preventDefault();
        }}
      >
        <div className="field">
          <label htmlFor="profile">Profile</label>
          <select
            id="profile"
            value={profile.id}
            onChange={(e) => changeProfile(e.target.value)}
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
          <DirectoryCombobox
            id={ids.agent}
            label="Agent"
            entries={agents}
            favourites={favourites.agents}
            selectedId={values.agentId}
            onSelect={(entry) => {
              setValues((v) => ({ ...v, agentId: entry?.id ?? '', agentName: entry?.name }));
              if (problem?.field === 'agent') setProblem(undefined);
            }}
            onFavourite={(id, favourite) => setFavourite('agents', id, favourite)}
            placeholder="Type a name or id"
            emptyText="The directory has no agents; add them to the configuration's directory."
            errorId={errorFor('agent')}
          />
        ) : (
          <>
            <PhoneNumberField
              id={ids.number}
              inputRef={numberRef}
              value={values.number}
              onValue={(value) => set('number', value)}
              country={country}
              onCountry={(chosen) => setCountryChoice({ forDefault: defaultCountry, country: chosen })}
              homeCountry={defaultCountry}
              numberFormat={caps.numberFormat}
              vendorLabel={vendorLabel}
              onPastedPostDial={(postDial) => set('postDial', postDial)}
              onPasteProblem={(message) => report('number', message)}
              errorId={errorFor('number')}
            />
            <PostDialField id={ids.postDial} value={values.postDial} onValue={(value) => set('postDial', value)} vendor={profile.vendor} capabilities={caps} errorId={errorFor('postDial')} />
          </>
        )}

        {caps.from.agent && (
          <DirectoryCombobox
            id={ids.fromAgent}
            label="From agent"
            entries={agents}
            favourites={favourites.agents}
            selectedId={values.fromAgent}
            onSelect={(entry) => set('fromAgent', entry?.id ?? '')}
            onFavourite={(id, favourite) => setFavourite('agents', id, favourite)}
            placeholder="The profile's agent"
            emptyText="The directory has no agents: calls are placed from the profile's agent."
            errorId={undefined}
          />
        )}
        {caps.from.groups && (
          <GroupListbox
            id={ids.fromGroups}
            label="From groups"
            groups={groups}
            favourites={favourites.groups}
            selectedIds={values.fromGroups}
            onChange={(chosen) => set('fromGroups', chosen)}
            onFavourite={(id, favourite) => setFavourite('groups', id, favourite)}
            onSubmit={place}
            errorId={errorFor('fromGroups')}
          />
        )}
        {caps.presentedCli && (
          <div className="field">
            <label htmlFor="presented-cli">Presented number</label>
            <input id="presented-cli" type="text" autoComplete="off" value={values.presentedCli} onChange={(e) => set('presentedCli', e.target.value)} />
          </div>
        )}
        <ScheduleFields
          ids={{ startIn: ids.startIn, startAt: ids.startAt }}
          scheduling={caps.scheduling}
          startIn={values.startIn}
          startAt={values.startAt}
          onStartIn={(value) => set('startIn', value)}
          onStartAt={(value) => set('startAt', value)}
          error={problem ? { field: problem.field, id: ids.problem } : undefined}
        />

        {(caps.dialFields ?? []).map((field) => (
          <VendorField
            key={`${profile.id}:${field.key}`}
            field={field}
            value={values.extra[field.key]}
            skills={directory.data?.skills ?? []}
            onChange={(value) => setValues((v) => ({ ...v, extra: { ...v.extra, [field.key]: value } }))}
          />
        ))}

        {problem && (
          <p id={ids.problem} className="field-error" role="alert">
            {problem.message}
          </p>
        )}
        <button type="submit" className="call-button" aria-disabled={dial.isPending}>
          Call
        </button>
      </form>
      <LinkSettingsField profiles={profiles} profileId={profile.id} />
    </div>
  );
}
