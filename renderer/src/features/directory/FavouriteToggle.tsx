interface FavouriteToggleProps {
  name: string;
  favourite: boolean;
  onToggle(favourite: boolean): void;
}

/** A star that says, and lets the user change, whether this colleague or group is a favourite. */
export function FavouriteToggle({ name, favourite, onToggle }: FavouriteToggleProps) {
  return (
    <button type="button" className="favourite-toggle" aria-pressed={favourite} aria-label={`Favourite: ${name}`} onClick={() => onToggle(!favourite)}>
      <span aria-hidden="true">{favourite ? '★' : '☆'}</span>
    </button>
  );
}
