import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { entryLabel, searchDirectory, typeAhead, type DirectoryEntry } from './directorySearch';
import { FavouriteToggle } from './FavouriteToggle';

interface GroupListboxProps {
  id: string;
  /** The accessible name (DESIGN §8): "From groups". */
  label: string;
  groups: readonly DirectoryEntry[];
  favourites: readonly string[];
  selectedIds: readonly string[];
  onChange(ids: string[]): void;
  onFavourite(id: string, favourite: boolean): void;
  /** Enter in the list places the call, as it does in every other field. */
  onSubmit(): void;
  errorId: string | undefined;
}

const TYPE_AHEAD_RESET_MS = 700;

/**
 * A multi-select listbox (WAI-ARIA APG): ↑/↓/Home/End move, Space selects or clears the
 * current group, Shift+↑/↓ extend the selection, Ctrl+A selects all, typing jumps to a name.
 * Favourites are listed first.
 */
export function GroupListbox({ id, label, groups, favourites, selectedIds, onChange, onFavourite, onSubmit, errorId }: GroupListboxProps) {
  const labelId = useId();
  const helpId = useId();
  const options = useMemo(() => searchDirectory(groups, '', favourites), [groups, favourites]);
  const [active, setActive] = useState(0);
  const typed = useRef({ text: '', at: 0 });
  const activeIndex = Math.min(active, options.length - 1);
  const current = options[activeIndex];
  const optionId = (index: number): string => `${id}-option-${index}`;

  const toggle = (groupId: string, selected = !selectedIds.includes(groupId)): void => {
    const others = selectedIds.filter((selectedId) => selectedId !== groupId);
    // Kept in the list's order, so the request does not depend on the order of clicks.
    const next = selected ? [...others, groupId] : others;
    onChange(options.map((option) => option.id).filter((optionIdValue) => next.includes(optionIdValue)));
  };
  const move = (index: number, extend: boolean): void => {
    const target = Math.max(0, Math.min(index, options.length - 1));
    setActive(target);
    const option = options[target];
    if (extend && option) toggle(option.id, true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (options.length === 0) return;
    const handled = (): void => event.preventDefault();
    if (event.key === 'ArrowDown') {
      handled();
      move(activeIndex + 1, event.shiftKey);
    } else if (event.key === 'ArrowUp') {
      handled();
      move(activeIndex - 1, event.shiftKey);
    } else if (event.key === 'Home') {
      handled();
      move(0, false);
    } else if (event.key === 'End') {
      handled();
      move(options.length - 1, false);
    } else if (event.key === ' ') {
      handled();
      if (current) toggle(current.id);
    } else if (event.key === 'Enter') {
      handled();
      onSubmit();
    } else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      handled();
      onChange(selectedIds.length === options.length ? [] : options.map((option) => option.id));
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const now = Date.now();
      const text = now - typed.current.at > TYPE_AHEAD_RESET_MS ? event.key : typed.current.text + event.key;
      typed.current = { text, at: now };
      // A longer prefix may still match the current option; a first letter looks further on.
      const found = typeAhead(options, text, text.length > 1 ? activeIndex - 1 : activeIndex);
      if (found !== undefined) setActive(found);
    }
  };

  const count = selectedIds.length;
  return (
    <div className="field">
      <span id={labelId} className="field__label">
        {label}
      </span>
      {options.length === 0 ? (
        <p className="help">The directory has no groups.</p>
      ) : (
        <ul
          id={id}
          role="listbox"
          tabIndex={0}
          className="group-list"
          aria-labelledby={labelId}
          aria-multiselectable="true"
          aria-activedescendant={current ? optionId(activeIndex) : undefined}
          aria-invalid={errorId !== undefined}
          aria-describedby={errorId ? `${helpId} ${errorId}` : helpId}
          onKeyDown={onKeyDown}
        >
          {options.map((option, index) => {
            const selected = selectedIds.includes(option.id);
            return (
              <li
                key={option.id}
                id={optionId(index)}
                role="option"
                aria-selected={selected}
                className={`group-list__option${index === activeIndex ? ' is-active' : ''}${selected ? ' is-selected' : ''}`}
                onClick={() => {
                  setActive(index);
                  toggle(option.id);
                }}
              >
                <span className="group-list__check" aria-hidden="true">
                  {selected ? '☑' : '☐'}
                </span>{' '}
                {option.favourite && <span aria-hidden="true">★ </span>}
                {entryLabel(option)}
                {option.favourite && <span className="visually-hidden">, favourite</span>}
              </li>
            );
          })}
        </ul>
      )}
      <p id={helpId} className="help">
        {count === 0 ? 'None chosen: the call is placed from an agent.' : `${count} chosen: the first free agent in them places the call.`} Space chooses a group.
      </p>
      {current && <FavouriteToggle name={current.name} favourite={favourites.includes(current.id)} onToggle={(favourite) => onFavourite(current.id, favourite)} />}
    </div>
  );
}
