import { useLive } from '../../state/liveStore';

/** Errors in the vendor's own words, each with what the user can do about it. */
export function Alerts() {
  const alerts = useLive((s) => s.alerts);
  const dismiss = useLive((s) => s.dismissAlert);
  return (
    <div className="alerts">
      {alerts.slice(-4).map((a) => (
        <div key={a.id} role="alert" className="alert">
          <p className="alert__title">{a.title}</p>
          {a.vendorMessage && a.vendorMessage !== a.title && <p className="alert__vendor">Vendor said: “{a.vendorMessage}”</p>}
          {a.hint && <p className="alert__hint">{a.hint}</p>}
          <button type="button" className="link" onClick={() => dismiss(a.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
