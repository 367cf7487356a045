import { z } from 'zod';
import { parseCombo } from './keyCombo';

/** Shortcuts the app hears while its window has the focus. */
export const APP_ACTIONS = [
  'focusNumber',
  'dial',
  'hangUp',
  'holdResume',
  'openDirectory',
  'nextProfile',
  'previousProfile',
  'openHistory',
  'showShortcuts',
] as const;

/** Shortcuts the desktop app takes from the whole system (Electron's globalShortcut). */
export const GLOBAL_ACTIONS = ['showDialer', 'dialSelection', 'hangUpActive'] as const;

export const SHORTCUT_ACTIONS = [...APP_ACTIONS, ...GLOBAL_ACTIONS] as const;

export const ShortcutActionSchema = z.enum(SHORTCUT_ACTIONS);
export type ShortcutAction = z.infer<typeof ShortcutActionSchema>;
export type AppAction = (typeof APP_ACTIONS)[number];
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];
export const GlobalActionSchema = z.enum(GLOBAL_ACTIONS);

export interface ShortcutInfo {
  label: string;
  scope: 'app' | 'global';
  /** The default combination, canonical (see keyCombo.formatCombo). */
  defaultKeys: string;
}

/**
 * Defaults avoid what browsers, Electron's menu and desktops already take: Alt+F/E/V/W/H open
 * menus and Alt+D is the address bar, so the app uses other letters; global shortcuts use three
 * modifiers because they act in every application (Ctrl+Alt alone is AltGr on Windows and
 * types characters such as @ on many keyboards).
 */
export const SHORTCUTS: Readonly<Record<ShortcutAction, ShortcutInfo>> = {
  focusNumber: { label: 'Go to the phone number', scope: 'app', defaultKeys: 'Alt+N' },
  dial: { label: 'Call the number in the dialer', scope: 'app', defaultKeys: 'Ctrl+Enter' },
  hangUp: { label: 'Hang up the focused call (or the latest one)', scope: 'app', defaultKeys: 'Alt+X' },
  holdResume: { label: 'Hold or resume the focused call (or the latest one)', scope: 'app', defaultKeys: 'Alt+O' },
  openDirectory: { label: 'Open the agent directory', scope: 'app', defaultKeys: 'Alt+A' },
  nextProfile: { label: 'Next profile', scope: 'app', defaultKeys: 'Alt+P' },
  previousProfile: { label: 'Previous profile', scope: 'app', defaultKeys: 'Alt+Shift+P' },
  openHistory: { label: 'Open the history', scope: 'app', defaultKeys: 'Alt+Y' },
  showShortcuts: { label: 'Show the keyboard shortcuts', scope: 'app', defaultKeys: '?' },
  showDialer: { label: 'Bring the softphone forward at the dialer', scope: 'global', defaultKeys: 'Ctrl+Alt+Shift+P' },
  dialSelection: { label: 'Dial the selected text (Linux) or the copied text (Windows, macOS)', scope: 'global', defaultKeys: 'Ctrl+Alt+Shift+D' },
  hangUpActive: { label: 'Hang up the active call', scope: 'global', defaultKeys: 'Ctrl+Alt+Shift+H' },
};

/** A binding as stored and sent: a combination's text, or "" for no shortcut. */
export const ShortcutKeysSchema = z
  .string()
  .max(64)
  .superRefine((text, context) => {
    if (text === '') return;
    const parsed = parseCombo(text);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.reason });
  });

/** The user's changes to the defaults, action by action. */
export const ShortcutOverridesSchema = z.partialRecord(ShortcutActionSchema, ShortcutKeysSchema);
export type ShortcutOverrides = z.infer<typeof ShortcutOverridesSchema>;

/** Every action's binding in force ("" where the user removed it). */
export type ShortcutBindings = Record<ShortcutAction, string>;
export const ShortcutBindingsSchema = z.record(ShortcutActionSchema, z.string());
