import { useId } from 'react';
import type { Vendor } from '../../../../shared/callModel';
import { checkPostDial, POST_DIAL_DELIVERY } from '../../../../shared/dialString';
import type { VendorCapabilities } from '../../../../shared/vendors/capabilities';

interface PostDialFieldProps {
  id: string;
  value: string;
  onValue(value: string): void;
  vendor: Vendor;
  capabilities: VendorCapabilities;
  /** The id of the dialer's message about this field, when it has one. */
  errorId: string | undefined;
}

/**
 * The post-dial digits composer (DESIGN §3 grammar): what the digits will do, in words, and
 * how this vendor sends them, or why it cannot. Refusals use the rules the adapter applies.
 */
export function PostDialField({ id, value, onValue, vendor, capabilities, errorId }: PostDialFieldProps) {
  const previewId = useId();
  const deliveryId = useId();
  const { postDial } = capabilities;
  const unsupported = postDial.mode === 'none';
  const check = checkPostDial(value.trim(), vendor, capabilities);
  const grammar = `Use 0–9, * and #; a comma waits 2 s${postDial.mutePrompts ? '; a full stop silences the prompts' : ''}.`;
  return (
    <div className="field">
      <label htmlFor={id}>Post-dial digits</label>
      <input
        id={id}
        type="text"
        inputMode="tel"
        autoComplete="off"
        spellCheck={false}
        value={value}
        disabled={unsupported}
        aria-invalid={!check.ok && value.trim() !== ''}
        aria-describedby={[previewId, deliveryId, errorId].filter(Boolean).join(' ')}
        onChange={(event) => onValue(event.target.value)}
      />
      <p id={previewId} className="help post-dial__preview">
        {unsupported ? '' : value.trim() === '' ? grammar : check.ok ? `After the answer: ${check.preview}.` : `${check.reason}${check.hint ? ` ${check.hint}` : ''}`}
      </p>
      <p id={deliveryId} className="help post-dial__delivery">
        <strong>{POST_DIAL_DELIVERY[postDial.mode]}:</strong> <span>{postDial.explanation}</span>
      </p>
    </div>
  );
}
