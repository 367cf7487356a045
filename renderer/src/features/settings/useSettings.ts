import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, softphone, unwrap } from '../../api/softphoneClient';
import type { AlertItem } from '../../state/liveStore';

export const SETTINGS_KEY = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => unwrap(softphone['settings.get']({})), staleTime: Infinity });
}

/**
 * `settings.updated` means profiles or preferences changed (here or in another window):
 * the bootstrap (profiles, default country), the settings and the directories are re-read.
 */
export function useSettingsEvents(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      softphone.onEvent((event) => {
        if (event.type !== 'settings.updated') return;
        void client.invalidateQueries({ queryKey: ['bootstrap'] });
        void client.invalidateQueries({ queryKey: SETTINGS_KEY });
        void client.invalidateQueries({ queryKey: ['directory'] });
      }),
    [client],
  );
}

/** The theme chosen in Settings, on the root element; "system" leaves it to `prefers-color-scheme`. */
export function useAppliedTheme(): void {
  const settings = useSettings();
  const theme = settings.data?.theme;
  useEffect(() => {
    const root = document.documentElement;
    if (theme && theme !== 'system') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme]);
}

/** An error from main as an alert: its message, the vendor's words and the hint. */
export function alertFrom(error: unknown): Omit<AlertItem, 'id'> {
  const data = error instanceof ApiError ? error.data : { code: 'INTERNAL', message: String(error) };
  return { title: data.message, ...(data.vendorMessage ? { vendorMessage: data.vendorMessage } : {}), ...(data.hint ? { hint: data.hint } : {}) };
}
