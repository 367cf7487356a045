import type { Directory } from '../../../../shared/session';

export type DirectoryEntry = Directory['agents'][number];

export interface DirectoryOption extends DirectoryEntry {
  favourite: boolean;
}

/** Lower case without accents: "Zoë" is found by "zoe". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

/** `Sam Agent (4567)`; just the id when the directory has no better name. */
export function entryLabel(entry: Pick<DirectoryEntry, 'id' | 'name'>): string {
  return entry.name === entry.id ? entry.id : `${entry.name} (${entry.id})`;
}

/**
 * The entries matching what was typed (every word, in the name or the id, any case or
 * accent), favourites first in the order they were added, then the rest in directory order;
 * within each, names or ids that start with the query come first.
 */
export function searchDirectory(entries: readonly DirectoryEntry[], query: string, favourites: readonly string[]): DirectoryOption[] {
  const terms = folded(query).split(/\s+/).filter(Boolean);
  const first = terms.join(' ');
  const favouriteRank = new Map(favourites.map((id, index) => [id, index]));
  return entries
    .map((entry, index) => ({ entry, index, haystack: `${folded(entry.name)} ${folded(entry.id)}` }))
    .filter(({ haystack }) => terms.every((term) => haystack.includes(term)))
    .map(({ entry, index, haystack }) => ({
      option: { ...entry, favourite: favouriteRank.has(entry.id) },
      rank: [favouriteRank.get(entry.id) ?? Number.MAX_SAFE_INTEGER, first && (haystack.startsWith(first) || folded(entry.id).startsWith(first)) ? 0 : 1, index] as const,
    }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2])
    .map(({ option }) => option);
}

/**
 * Listbox type-ahead (WAI-ARIA APG): the next option after `from` whose name starts with the
 * typed letters, wrapping round; undefined when none does.
 */
export function typeAhead(options: readonly Pick<DirectoryEntry, 'name' | 'id'>[], typed: string, from: number): number | undefined {
  const wanted = folded(typed);
  if (!wanted || options.length === 0) return undefined;
  for (let step = 1; step <= options.length; step += 1) {
    const index = (from + step + options.length) % options.length;
    const option = options[index];
    if (option && (folded(option.name).startsWith(wanted) || folded(option.id).startsWith(wanted))) return index;
  }
  return undefined;
}
