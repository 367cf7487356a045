import { z } from 'zod';

/** At most this many favourites of each kind per profile: a list to pick from, not an address book. */
export const FAVOURITES_MAX = 200;

/** The user's favourite colleagues and groups on one profile, by directory id, in the order added. */
export const FavouritesSchema = z.object({
  agents: z.array(z.string().min(1).max(64)).max(FAVOURITES_MAX),
  groups: z.array(z.string().min(1).max(64)).max(FAVOURITES_MAX),
});
export type Favourites = z.infer<typeof FavouritesSchema>;
export type FavouriteKind = keyof Favourites;

export const FavouriteChangeSchema = z
  .object({
    profileId: z.string().min(1).max(64),
    kind: z.enum(['agents', 'groups']),
    id: z.string().min(1).max(64),
    favourite: z.boolean(),
  })
  .strict();
export type FavouriteChange = z.infer<typeof FavouriteChangeSchema>;
