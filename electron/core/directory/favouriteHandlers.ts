import type { Handlers } from '../ipc/contractRouter';
import type { FavouritesStore } from './favouritesStore';

type FavouriteHandlers = Pick<Handlers, 'directory.getFavourites' | 'directory.setFavourite'>;

/**
 * Favourites live in main, in the data dir, so they survive restarts of either shell. The
 * profile must exist; the ids are the user's choice (a colleague may be offline today).
 */
export function createFavouriteHandlers(store: FavouritesStore, requireProfile: (profileId: string) => void): FavouriteHandlers {
  return {
    'directory.getFavourites': async ({ profileId }) => {
      requireProfile(profileId);
      return store.get(profileId);
    },
    'directory.setFavourite': async (change) => {
      requireProfile(change.profileId);
      return store.set(change);
    },
  };
}
