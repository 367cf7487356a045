import { z } from 'zod';
import { VendorSchema } from './callModel';
import { GlobalShortcutStatusSchema } from './shortcuts/globalShortcutStatus';
import { ShortcutBindingsSchema, ShortcutOverridesSchema } from './shortcuts/shortcutActions';

export const THEMES = ['system', 'light', 'dark'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

/** A non-secret profile field's value as the Settings form edits it. */
export const FieldValueSchema = z.union([z.string().max(2048), z.number(), z.boolean()]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

/** One field of a vendor's profile, derived in main from that vendor's profile schema. */
export const FieldSpecSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'url', 'integer', 'boolean', 'choice']),
  required: z.boolean(),
  choices: z.array(z.string()).optional(),
  default: FieldValueSchema.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  help: z.string().optional(),
});
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

export const SecretSpecSchema = z.object({ key: z.string(), label: z.string() });
export type SecretSpec = z.infer<typeof SecretSpecSchema>;

export const VendorFormSchema = z.object({
  vendor: VendorSchema,
  vendorLabel: z.string(),
  fields: z.array(FieldSpecSchema),
  secrets: z.array(SecretSpecSchema),
});
export type VendorForm = z.infer<typeof VendorFormSchema>;

/**
 * Where a profile's secret comes from. Never its value: `stored` = entered in Settings and
 * kept encrypted; `env` = the environment variable the configuration names; `built-in` = the
 * sandbox's own account, in memory only; `none` = not set.
 */
export const SecretStatusSchema = z.object({
  key: z.string(),
  label: z.string(),
  source: z.enum(['stored', 'env', 'built-in', 'none']),
  env: z.string().optional(),
});
export type SecretStatus = z.infer<typeof SecretStatusSchema>;

export const SettingsProfileSchema = z.object({
  id: z.string(),
  vendor: VendorSchema,
  label: z.string(),
  /** `provisioned`: from the configuration file or the sandbox, read-only here; `user`: added in Settings. */
  origin: z.enum(['provisioned', 'user']),
  values: z.record(z.string(), FieldValueSchema),
  secrets: z.array(SecretStatusSchema),
  liveCalls: z.number().int().min(0),
});
export type SettingsProfile = z.infer<typeof SettingsProfileSchema>;

export const SettingsViewSchema = z.object({
  sandbox: z.boolean(),
  /** One sentence on where provisioned profiles come from and how they combine with the user's. */
  provisioning: z.string(),
  defaultCountry: z.string().length(2),
  theme: ThemeSchema,
  profiles: z.array(SettingsProfileSchema),
  forms: z.array(VendorFormSchema),
  /** Stored settings that could not be used at start, each as `file: path: reason`. */
  problems: z.array(z.string()),
  /** Every shortcut's keys in force ("" where the user removed it). */
  shortcuts: ShortcutBindingsSchema,
  /** Whether the desktop app could take its global shortcuts from the system. */
  globalShortcuts: GlobalShortcutStatusSchema,
  /** Desktop notifications when a call connects or fails while the window is in the background. */
  notifications: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

/** A secret travels to main once, in this shape, and never back. */
export const SecretChangeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('set'), value: z.string().min(1).max(4096) }).strict(),
  z.object({ action: z.literal('clear') }).strict(),
]);
export type SecretChange = z.infer<typeof SecretChangeSchema>;

const FieldKeySchema = z.string().min(1).max(64);

export const ProfileSaveRequestSchema = z
  .object({
    mode: z.enum(['add', 'edit']),
    vendor: VendorSchema,
    values: z.record(FieldKeySchema, FieldValueSchema),
    /** Secrets for a new profile, by field; on edit, secrets change through `settings.secret.set`. */
    secrets: z.record(FieldKeySchema, SecretChangeSchema).optional(),
  })
  .strict();
export type ProfileSaveRequest = z.infer<typeof ProfileSaveRequestSchema>;

/** A problem with one field: `path` as in the config file (`baseUrl`, `profiles[0].id`), `message` the reason. */
export const FieldProblemSchema = z.object({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

export const ProfileSaveResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), profileId: z.string() }),
  z.object({ saved: z.literal(false), problems: z.array(FieldProblemSchema) }),
]);
export type ProfileSaveResult = z.infer<typeof ProfileSaveResultSchema>;

export const SecretSetRequestSchema = z
  .object({ profileId: z.string().min(1).max(64), field: FieldKeySchema, change: SecretChangeSchema })
  .strict();

export const PreferencesSchema = z
  .object({
    defaultCountry: z.string().length(2).optional(),
    theme: ThemeSchema.optional(),
    /** Shortcuts to change (all of them, or some); the rest keep their keys. */
    shortcuts: ShortcutOverridesSchema.optional(),
    notifications: z.boolean().optional(),
  })
  .strict();
export type Preferences = z.infer<typeof PreferencesSchema>;

export const ConfigExportSchema = z.object({ fileName: z.string(), text: z.string() });

/** An imported file is at most this long: a configuration is a few kilobytes. */
export const CONFIG_IMPORT_MAX_CHARS = 200_000;

export const ConfigImportResultSchema = z.discriminatedUnion('imported', [
  z.object({
    imported: z.literal(true),
    added: z.array(z.string()),
    replaced: z.array(z.string()),
    /** Profiles identical to a provisioned one, left as they are. */
    unchanged: z.array(z.string()),
    defaultCountry: z.string().optional(),
  }),
  z.object({ imported: z.literal(false), problems: z.array(z.string()) }),
]);
export type ConfigImportResult = z.infer<typeof ConfigImportResultSchema>;
