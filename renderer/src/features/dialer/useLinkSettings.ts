import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LinkSettings } from '../../../../shared/links';
import { ApiError, softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';

const QUERY_KEY = ['link-settings'];

/** "Dial links at once", kept by main; off until the user turns it on. */
export function useLinkSettings() {
  const client = useQueryClient();
  const alert = useLive((s) => s.alert);
  const query = useQuery({ queryKey: QUERY_KEY, queryFn: () => unwrap(softphone['link.getSettings']({})), staleTime: Infinity });
  const change = useMutation({
    mutationFn: (settings: LinkSettings) => unwrap(softphone['link.setSettings'](settings)),
    onSuccess: (settings) => client.setQueryData(QUERY_KEY, settings),
    onError: (error) => alert({ title: error instanceof ApiError ? error.data.message : String(error), ...(error instanceof ApiError && error.data.hint ? { hint: error.data.hint } : {}) }),
  });
  return { settings: query.data, update: (settings: LinkSettings) => change.mutate(settings) };
}
