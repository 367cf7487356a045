import type { GlobalShortcut, WebContents } from 'electron';
import { z } from 'zod';
import { CallRecordSchema } from '../../shared/callModel';
import { EVENT_CHANNEL } from '../../shared/ipc/channels';
import type { AppEvent } from '../../shared/ipc/contract';
import { GLOBAL_ACTIONS, ShortcutBindingsSchema, type GlobalAction, type ShortcutBindings } from '../../shared/shortcuts/shortcutActions';
import { callForShortcut } from '../../shared/shortcuts/shortcutCall';
import type { GlobalShortcutStatusBox } from '../core/settings/globalShortcutFeed';
import type { SoftphoneCore } from '../core/softphoneCore';
import type { Logger } from '../vendors/adapter';
import { isAllowedNavigation } from './security/navigationPolicy';
import { globalShortcutSupport, selectionSource, selectionToLink, statusOf, toAccelerator, type Registration } from './globalShortcutRules';

export interface GlobalShortcutDeps {
  core: Pick<SoftphoneCore, 'dispatch' | 'onEvent'>;
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  /** Electron's clipboard; `selection` is Linux's primary selection. */
  clipboard: { readText(): Promise<string>; selection: { readText(): Promise<string> } };
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Where Settings reads whether the shortcuts are in force. */
  status: GlobalShortcutStatusBox;
  /** Brings the app window forward (opening it if it was closed). */
  reveal(): void;
  /** An event for the app window only (the dialer to show, a notice to read). */
  send(event: AppEvent): void;
  log: Logger;
}

const SettingsPart = z.object({ shortcuts: ShortcutBindingsSchema, defaultCountry: z.string() });
const BootstrapPart = z.object({ calls: z.array(CallRecordSchema) });

async function read<T>(core: GlobalShortcutDeps['core'], channel: 'settings.get' | 'app.bootstrap', schema: z.ZodType<T>): Promise<T> {
  const outcome = await core.dispatch(channel, {});
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.message}`);
  return schema.parse(outcome.value);
}

const globalKeys = (bindings: ShortcutBindings): string => GLOBAL_ACTIONS.map((action) => `${action}=${bindings[action]}`).join(' ');

/**
 * The system-wide shortcuts: registered from the settings, again whenever the user changes
 * them, their status reported to Settings. Returns a function that unregisters them.
 */
export function startGlobalShortcuts(deps: GlobalShortcutDeps): () => void {
  const { core, globalShortcut, log } = deps;
  const support = globalShortcutSupport(deps.platform, deps.env);
  if (!support.ok) {
    deps.status.set({ state: 'unavailable', note: support.note, refused: [...GLOBAL_ACTIONS] });
    log.info('global shortcuts are off on this desktop', { reason: support.note });
    return () => undefined;
  }

  let registered: string[] = [];
  let applied: string | undefined;

  const unregisterAll = (): void => {
    for (const accelerator of registered) globalShortcut.unregister(accelerator);
    registered = [];
  };

  const register = (action: GlobalAction, keys: string): Registration => {
    const accelerator = toAccelerator(keys);
    let ok = false;
    try {
      ok = accelerator !== undefined && globalShortcut.register(accelerator, () => void run(action));
    } catch (error) {
      log.warn('a global shortcut could not be registered', { action, error: String(error) });
    }
    if (ok && accelerator) registered.push(accelerator);
    return { action, registered: ok };
  };

  const apply = async (): Promise<void> => {
    const { shortcuts } = await read(core, 'settings.get', SettingsPart);
    const wanted = globalKeys(shortcuts);
    if (wanted === applied) return;
    applied = wanted;
    unregisterAll();
    const registrations = GLOBAL_ACTIONS.filter((action) => shortcuts[action] !== '').map((action) => register(action, shortcuts[action]));
    deps.status.set(statusOf(registrations));
    log.info('global shortcuts registered', { registered: registrations.filter((r) => r.registered).map((r) => r.action), refused: registrations.filter((r) => !r.registered).map((r) => r.action) });
  };

  const notice = (level: 'info' | 'warning' | 'error', message: string): void => deps.send({ type: 'notice', level, message });

  const dialSelection = async (): Promise<void> => {
    const source = selectionSource(deps.platform);
    const text = source === 'selection' ? await deps.clipboard.selection.readText() : await deps.clipboard.readText();
    const { defaultCountry } = await read(core, 'settings.get', SettingsPart);
    const link = selectionToLink(text, source, defaultCountry);
    deps.reveal();
    if (!link.ok) {
      notice('warning', link.reason);
      return;
    }
    // The link handler fills the dialer and asks, or dials at once when the user chose that;
    // a refused link is reported by the core itself.
    const outcome = await core.dispatch('link.open', { uri: link.uri });
    log.info('dialled the selected text', { outcome: outcome.ok ? outcome.value : outcome.error.code });
  };

  const hangUp = async (): Promise<void> => {
    const { calls } = await read(core, 'app.bootstrap', BootstrapPart);
    const choice = callForShortcut(calls, 'hangUp');
    if (!choice.ok) {
      notice('info', choice.reason);
      return;
    }
    const outcome = await core.dispatch(choice.channel, { callId: choice.call.id });
    if (!outcome.ok) {
      // The agent is in another application: the failure must be seen, so the window comes forward.
      deps.reveal();
      notice('error', `The call was not hung up: ${outcome.error.message}${outcome.error.hint ? ` ${outcome.error.hint}` : ''}`);
    }
  };

  const run = async (action: GlobalAction): Promise<void> => {
    try {
      if (action === 'showDialer') {
        deps.reveal();
        deps.send({ type: 'dialer.show' });
      } else if (action === 'dialSelection') await dialSelection();
      else await hangUp();
    } catch (error) {
      log.error('a global shortcut failed', { action, error: String(error) });
    }
  };

  const reapply = (): void => {
    apply().catch((error: unknown) => log.error('global shortcuts could not be registered', { error: String(error) }));
  };
  const unsubscribe = core.onEvent((event) => {
    if (event.type === 'settings.updated') reapply();
  });
  reapply();
  return () => {
    unsubscribe();
    unregisterAll();
  };
}

/** Events main itself sends the app window, on the same channel and terms as the core's (ipcBridge.forwardEvents). */
export function windowEventSender(appUrl: string, appWebContents: () => WebContents | undefined): (event: AppEvent) => void {
  return (event) => {
    const contents = appWebContents();
    if (contents === undefined || contents.isDestroyed() || !isAllowedNavigation(contents.getURL(), appUrl)) return;
    contents.send(EVENT_CHANNEL, event);
  };
}
