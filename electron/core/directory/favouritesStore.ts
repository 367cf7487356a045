import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { FAVOURITES_MAX, FavouritesSchema, type FavouriteChange, type Favourites } from '../../../shared/favourites';
import type { Logger } from '../../vendors/adapter';
import { JsonDocument } from '../storage/jsonDocument';

const FavouritesFileSchema = z.record(z.string().min(1).max(64), FavouritesSchema);
type FavouritesFile = z.infer<typeof FavouritesFileSchema>;

const NONE: Favourites = { agents: [], groups: [] };
const WORDS: Record<keyof Favourites, string> = { agents: 'agents', groups: 'groups' };

/** Favourite agents and groups per profile, kept in `favourites.json` in the data dir. */
export class FavouritesStore {
  private byProfile: FavouritesFile;

  constructor(private readonly file: JsonDocument<typeof FavouritesFileSchema>, log: Logger) {
    const loaded = file.load();
    if (loaded.problem) log.warn('favourites were not read; starting without them', { problem: loaded.problem });
    this.byProfile = loaded.value;
  }

  get(profileId: string): Favourites {
    return this.byProfile[profileId] ?? NONE;
  }

  /** Adds (at the end) or removes one favourite and writes the file before answering. */
  set(change: FavouriteChange): Favourites {
    const current = this.get(change.profileId);
    const without = current[change.kind].filter((id) => id !== change.id);
    const ids = change.favourite ? [...without, change.id] : without;
    if (ids.length > FAVOURITES_MAX) {
      throw new AppError({
        code: 'VALIDATION',
        message: `A profile can have at most ${FAVOURITES_MAX} favourite ${WORDS[change.kind]}.`,
        hint: 'Remove a favourite you no longer use first.',
        path: 'id',
      });
    }
    const next = { ...current, [change.kind]: ids };
    const byProfile = { ...this.byProfile, [change.profileId]: next };
    this.file.save(byProfile);
    this.byProfile = byProfile;
    return next;
  }
}

export function openFavouritesStore(path: string, log: Logger): FavouritesStore {
  return new FavouritesStore(new JsonDocument(path, FavouritesFileSchema, () => ({})), log);
}
