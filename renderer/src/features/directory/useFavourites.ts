import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FavouriteKind, Favourites } from '../../../../shared/favourites';
import { ApiError, softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';

const NONE: Favourites = { agents: [], groups: [] };

/** The profile's favourites, kept by main in the data dir; a change shows once main has saved it. */
export function useFavourites(profileId: string, enabled: boolean) {
  const client = useQueryClient();
  const alert = useLive((s) => s.alert);
  const queryKey = ['favourites', profileId];
  const query = useQuery({
    queryKey,
    queryFn: () => unwrap(softphone['directory.getFavourites']({ profileId })),
    enabled,
    staleTime: Infinity,
  });
  const change = useMutation({
    mutationFn: (change: { kind: FavouriteKind; id: string; favourite: boolean }) => unwrap(softphone['directory.setFavourite']({ profileId, ...change })),
    onSuccess: (favourites) => client.setQueryData(queryKey, favourites),
    onError: (error) => alert({ title: error instanceof ApiError ? error.data.message : String(error), ...(error instanceof ApiError && error.data.hint ? { hint: error.data.hint } : {}) }),
  });
  return {
    favourites: query.data ?? NONE,
    setFavourite: (kind: FavouriteKind, id: string, favourite: boolean) => change.mutate({ kind, id, favourite }),
  };
}
