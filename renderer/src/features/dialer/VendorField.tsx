import { useId } from 'react';
import type { Directory } from '../../../../shared/session';
import type { DialField } from '../../../../shared/vendors/capabilities';

interface VendorFieldProps {
  field: DialField;
  value: string | boolean | undefined;
  skills: Directory['skills'];
  onChange(value: string | boolean): void;
}

/** One of the vendor's own dial fields (capabilities.dialFields): text, a choice, a skill or a flag. */
export function VendorField({ field, value, skills, onChange }: VendorFieldProps) {
  const id = useId();
  const helpId = useId();
  const help = field.help ? (
    <small id={helpId} className="help">
      {field.help}
    </small>
  ) : null;
  const describedBy = field.help ? helpId : undefined;
  if (field.kind === 'flag') {
    return (
      <div className="field field--flag">
        <label>
          <input type="checkbox" checked={value === true} aria-describedby={describedBy} onChange={(e) => onChange(e.target.checked)} /> {field.label}
        </label>
        {help}
      </div>
    );
  }
  const choices = field.kind === 'skill' ? skills.map((skill) => ({ value: skill.id, label: `${skill.name} (${skill.id})` })) : field.choices;
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      {choices ? (
        <select id={id} value={typeof value === 'string' ? value : ''} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.kind === 'skill' ? 'Default skill' : 'Not set'}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} type="text" autoComplete="off" value={typeof value === 'string' ? value : ''} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      )}
      {help}
    </div>
  );
}
