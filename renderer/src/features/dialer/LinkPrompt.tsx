import { useEffect, useId, useRef } from 'react';
import type { Vendor } from '../../../../shared/callModel';
import { checkPostDial } from '../../../../shared/dialString';
import type { VendorCapabilities } from '../../../../shared/vendors/capabilities';

interface LinkPromptProps {
  /** The number as people read it, e.g. `+1 213 373 4253`. */
  display: string;
  postDial: string | undefined;
  profileLabel: string;
  vendor: Vendor;
  capabilities: VendorCapabilities;
  onCall(): void;
  onCancel(): void;
}

/**
 * A link from another application filled the dialer: nothing is dialled until the agent says
 * so here. Focus comes to "Call"; Escape or "Cancel" leaves the number in the dialer.
 */
export function LinkPrompt({ display, postDial, profileLabel, vendor, capabilities, onCall, onCancel }: LinkPromptProps) {
  const titleId = useId();
  const detailId = useId();
  const callRef = useRef<HTMLButtonElement>(null);
  useEffect(() => callRef.current?.focus(), [display, postDial]);
  const digits = postDial ? checkPostDial(postDial, vendor, capabilities) : undefined;
  return (
    <div
      role="alertdialog"
      className="link-prompt"
      aria-labelledby={titleId}
      aria-describedby={detailId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={titleId} className="link-prompt__title">
        Call {display}?
      </p>
      <p id={detailId} className="link-prompt__detail">
        A link asked for this call. It goes out on {profileLabel}
        {digits ? (digits.ok ? `, then: ${digits.preview}` : `; its post-dial digits cannot be sent: ${digits.reason}`) : ''}.
      </p>
      <div className="link-prompt__actions">
        <button ref={callRef} type="button" className="primary" onClick={onCall}>
          Call
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
