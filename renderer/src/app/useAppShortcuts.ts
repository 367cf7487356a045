import type { RefObject } from 'react';
import type { ProfileSummary } from '../../../shared/session';
import type { AppAction, ShortcutBindings } from '../../../shared/shortcuts/shortcutActions';
import { runCallCommand } from '../features/calls/callCommands';
import type { DialerHandle } from '../features/dialer/Dialer';
import { useShortcutKeys } from '../features/shortcuts/useShortcutKeys';
import { useLive } from '../state/liveStore';

interface AppShortcutDeps {
  profiles: readonly ProfileSummary[];
  profileId: string;
  dialer: RefObject<DialerHandle | null>;
  /** Shows the phone view at once (its fields can take the focus right after). */
  showPhone(): void;
  showHistory(): void;
  openShortcutList(): void;
}

/** The profile `step` places from the current one, wrapping around. */
function profileAt(profiles: readonly ProfileSummary[], current: string, step: number): ProfileSummary | undefined {
  const index = profiles.findIndex((profile) => profile.id === current);
  return profiles[(index + step + profiles.length) % profiles.length];
}

/** What each in-app shortcut does: the same as the agent doing it by hand. */
export function useAppShortcuts(bindings: ShortcutBindings, deps: AppShortcutDeps): void {
  const commands: Record<AppAction, () => void> = {
    focusNumber: () => {
      deps.showPhone();
      deps.dialer.current?.focusNumber();
    },
    dial: () => {
      deps.showPhone();
      deps.dialer.current?.dial();
    },
    hangUp: () => void runCallCommand('hangUp'),
    holdResume: () => void runCallCommand('holdResume'),
    openDirectory: () => {
      deps.showPhone();
      if (!deps.dialer.current?.openDirectory()) {
        const label = deps.profiles.find((profile) => profile.id === deps.profileId)?.label ?? deps.profileId;
        useLive.getState().announce(`${label} has no agent directory.`);
      }
    },
    nextProfile: () => switchProfile(1),
    previousProfile: () => switchProfile(-1),
    openHistory: deps.showHistory,
    showShortcuts: deps.openShortcutList,
  };
  const switchProfile = (step: number): void => {
    const next = profileAt(deps.profiles, deps.profileId, step);
    if (!next || next.id === deps.profileId) return;
    deps.showPhone();
    deps.dialer.current?.switchProfile(next.id);
    useLive.getState().announce(`Profile: ${next.label}`);
  };
  useShortcutKeys(bindings, (action) => commands[action]());
}
