import { describe, expect, it } from 'vitest';
import { entryLabel, searchDirectory, typeAhead, type DirectoryEntry } from './directorySearch';

const agents: DirectoryEntry[] = [
  { id: '1234', name: 'Alex Agent' },
  { id: '4567', name: 'Sam Agent', presence: 'Available' },
  { id: '5464', name: 'Robin Supervisor' },
  { id: '7001', name: 'Zoë Ångström' },
  { id: '40040', name: '40040' },
];
const ids = (options: ReturnType<typeof searchDirectory>) => options.map((o) => o.id);

describe('searchDirectory', () => {
  it.each([
    ['', [], ['1234', '4567', '5464', '7001', '40040']],
    ['sam', [], ['4567']],
    ['AGENT', [], ['1234', '4567']],
    ['45', [], ['4567']],
    ['64', [], ['5464']],
    ['zoe angs', [], ['7001']],
    ['agent sam', [], ['4567']],
    ['nobody', [], []],
    // Favourites first, in the order they were added; then the rest in directory order.
    ['', ['5464', '1234'], ['5464', '1234', '4567', '7001', '40040']],
    ['agent', ['4567'], ['4567', '1234']],
    // Names or ids starting with the query come before other matches.
    ['4', [], ['4567', '40040', '1234', '5464']],
    ['a', [], ['1234', '4567', '7001']],
  ])('%j with favourites %j', (query, favourites, expected) => {
    expect(ids(searchDirectory(agents, query, favourites))).toEqual(expected);
  });

  it('marks favourites and keeps presence', () => {
    expect(searchDirectory(agents, 'sam', ['4567'])).toEqual([{ id: '4567', name: 'Sam Agent', presence: 'Available', favourite: true }]);
  });
});

describe('typeAhead', () => {
  it.each([
    ['r', -1, 2],
    ['s', 0, 1],
    ['a', 0, 0],
    ['a', 1, 0],
    ['zo', 0, 3],
    ['4', 0, 1],
    ['4', 1, 4],
    ['q', 0, undefined],
    ['', 0, undefined],
  ])('%j after %d → %s', (typed, from, expected) => {
    expect(typeAhead(agents, typed, from)).toBe(expected);
  });
});

describe('entryLabel', () => {
  it('names an entry with its id, once', () => {
    expect(entryLabel({ id: '4567', name: 'Sam Agent' })).toBe('Sam Agent (4567)');
    expect(entryLabel({ id: '40040', name: '40040' })).toBe('40040');
  });
});
