import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { entryLabel, searchDirectory, type DirectoryEntry, type DirectoryOption } from './directorySearch';
import { FavouriteToggle } from './FavouriteToggle';

interface DirectoryComboboxProps {
  id: string;
  /** The accessible name (DESIGN §8): "Agent", "From agent". */
  label: string;
  entries: readonly DirectoryEntry[];
  favourites: readonly string[];
  selectedId: string;
  onSelect(entry: DirectoryEntry | undefined): void;
  onFavourite(id: string, favourite: boolean): void;
  /** Shown while nothing is chosen, e.g. who calls when nobody is picked. */
  placeholder: string;
  /** Said when the directory has no entries at all. */
  emptyText: string;
  /** The id of the dialer's message about this field, when it has one. */
  errorId: string | undefined;
}

/** What the agent typed picks an entry when it names exactly one: its id, its name, or the only match. */
function matchOf(options: readonly DirectoryOption[], typed: string): DirectoryOption | undefined {
  const wanted = typed.trim().toLowerCase();
  return options.find((option) => option.id.toLowerCase() === wanted || option.name.toLowerCase() === wanted) ?? (options.length === 1 ? options[0] : undefined);
}

/**
 * An editable combobox with a list of suggestions (WAI-ARIA APG "list autocomplete with
 * automatic selection"): typing filters the directory (name or id), favourites first; ↓/↑
 * move through the list, Enter picks, Escape closes then clears. With the list closed,
 * Enter belongs to the form: it dials.
 */
export function DirectoryCombobox({ id, label, entries, favourites, selectedId, onSelect, onFavourite, placeholder, emptyText, errorId }: DirectoryComboboxProps) {
  const listId = useId();
  const helpId = useId();
  // undefined: not editing, the box shows the chosen entry.
  const [query, setQuery] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const selected = entries.find((entry) => entry.id === selectedId);
  const options = useMemo(() => searchDirectory(entries, query ?? '', favourites), [entries, query, favourites]);
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number): string => `${listId}-option-${index}`;

  const choose = (entry: DirectoryEntry | undefined): void => {
    onSelect(entry);
    setQuery(undefined);
    setOpen(false);
  };
  const openAt = (index: number): void => {
    setOpen(true);
    setActive(Math.max(0, index));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open || event.altKey) openAt(open ? activeIndex : 0);
        else setActive(Math.min(activeIndex + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) openAt(options.length - 1);
        else setActive(Math.max(activeIndex - 1, 0));
        break;
      case 'Enter': {
        const option = options[activeIndex];
        if (open && option) {
          event.preventDefault();
          choose(option);
        }
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setQuery(undefined);
        } else if (selected) {
          event.preventDefault();
          choose(undefined);
        }
        break;
    }
  };

  // Leaving the box commits what was typed when it names one entry; otherwise the choice stands.
  const onBlur = (): void => {
    if (query === undefined) setOpen(false);
    else if (query.trim() === '') choose(undefined);
    else choose(matchOf(options, query) ?? selected);
  };

  const help = entries.length === 0 ? emptyText : selected ? [selected.presence, favourites.includes(selected.id) ? 'a favourite' : undefined].filter(Boolean).join(' · ') : '';

  return (
    <div className="field combo">
      <label htmlFor={id}>{label}</label>
      <div className="combo__row">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && options[activeIndex] ? optionId(activeIndex) : undefined}
          aria-invalid={errorId !== undefined}
          aria-describedby={errorId ? `${helpId} ${errorId}` : helpId}
          placeholder={placeholder}
          value={query ?? (selected ? entryLabel(selected) : '')}
          onChange={(event) => {
            setQuery(event.target.value);
            openAt(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
        {selected && <FavouriteToggle name={selected.name} favourite={favourites.includes(selected.id)} onToggle={(favourite) => onFavourite(selected.id, favourite)} />}
      </div>
      <ul id={listId} role="listbox" aria-label={`${label}: suggestions`} className="combo__list" hidden={!open || options.length === 0}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'combo__option is-active' : 'combo__option'}
            // The box keeps focus: a pointer pick must not blur it first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.favourite && (
              <span className="combo__star" aria-hidden="true">
                ★{' '}
              </span>
            )}
            {entryLabel(option)}
            {option.presence && <span className="combo__presence"> — {option.presence}</span>}
            {option.favourite && <span className="visually-hidden">, favourite</span>}
          </li>
        ))}
      </ul>
      <p id={helpId} className="help">
        {open && options.length === 0 ? `Nothing in the directory matches “${query ?? ''}”.` : help}
      </p>
    </div>
  );
}
