import { z } from 'zod';
import { CallRecordSchema, CallTargetSchema } from '../callModel';
import { AppErrorSchema } from '../errors';
import { DirectorySchema, ProfileSummarySchema, SessionStateSchema } from '../session';
import { VendorDialOptionsSchema } from '../vendors';
import { FavouriteChangeSchema, FavouritesSchema } from '../favourites';
import { LINK_MAX_CHARS, LinkOpenResultSchema, LinkSettingsSchema } from '../links';
import { HistoryEntrySchema, HistoryPageSchema, HistoryQuerySchema } from '../history';
import {
  CONFIG_IMPORT_MAX_CHARS,
  ConfigExportSchema,
  ConfigImportResultSchema,
  PreferencesSchema,
  ProfileSaveRequestSchema,
  ProfileSaveResultSchema,
  SecretSetRequestSchema,
  SettingsViewSchema,
} from '../settings';
import { CHANNEL_NAMES, type ChannelName } from './channels';

const ProfileRef = z.object({ profileId: z.string().min(1).max(64) }).strict();
const CallRef = z.object({ callId: z.string().min(1).max(64) }).strict();
const Empty = z.object({}).strict();

export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in'), amount: z.number().int().positive(), unit: z.enum(['seconds', 'minutes']) }),
  z.object({ kind: z.literal('at'), at: z.iso.datetime({ offset: true }) }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;

export const DialRequestSchema = z
  .object({
    profileId: z.string().min(1).max(64),
    /**
     * Chosen by the renderer once per user intent (one click, one Enter, one tel: link).
     * Main places at most one call per intent id.
     */
    intentId: z.string().uuid(),
    target: CallTargetSchema,
    from: z
      .object({
        agentId: z.string().min(1).max(64).optional(),
        groupIds: z.array(z.string().min(1).max(64)).min(1).max(32).optional(),
        presentedCli: z.string().min(1).max(32).optional(),
      })
      .strict()
      .optional(),
    schedule: ScheduleSchema.optional(),
    options: VendorDialOptionsSchema.optional(),
  })
  .strict();
export type DialRequest = z.infer<typeof DialRequestSchema>;

export const BootstrapSchema = z.object({
  sandbox: z.boolean(),
  defaultCountry: z.string().length(2),
  profiles: z.array(ProfileSummarySchema),
  sessions: z.array(SessionStateSchema),
  calls: z.array(CallRecordSchema),
});
export type Bootstrap = z.infer<typeof BootstrapSchema>;

/**
 * The whole renderer ⇄ main contract: one table, channel → schemas. Electron's preload
 * exposes exactly these functions, the browser shell exactly these WebSocket messages,
 * and main validates every request against `request` before anything happens.
 */
export const CONTRACT = {
  'app.bootstrap': { request: Empty, response: BootstrapSchema },
  'session.signIn': { request: ProfileRef, response: SessionStateSchema },
  'session.signOut': { request: ProfileRef, response: SessionStateSchema },
  'call.dial': { request: DialRequestSchema, response: z.object({ callId: z.string() }) },
  'call.hangup': { request: CallRef, response: Empty },
  'call.hold': { request: CallRef, response: Empty },
  'call.retrieve': { request: CallRef, response: Empty },
  'call.sendDigits': {
    request: z.object({ callId: z.string().min(1).max(64), digits: z.string().min(1).max(64) }).strict(),
    response: Empty,
  },
  'directory.get': { request: ProfileRef, response: DirectorySchema },
  'directory.getFavourites': { request: ProfileRef, response: FavouritesSchema },
  'directory.setFavourite': { request: FavouriteChangeSchema, response: FavouritesSchema },
  'link.open': { request: z.object({ uri: z.string().max(LINK_MAX_CHARS) }).strict(), response: LinkOpenResultSchema },
  'link.getSettings': { request: Empty, response: LinkSettingsSchema },
  'link.setSettings': { request: LinkSettingsSchema, response: LinkSettingsSchema },
  'history.list': { request: HistoryQuerySchema, response: HistoryPageSchema },
  'settings.get': { request: Empty, response: SettingsViewSchema },
  'settings.profile.save': { request: ProfileSaveRequestSchema, response: ProfileSaveResultSchema },
  'settings.profile.remove': { request: ProfileRef, response: Empty },
  'settings.profile.test': { request: ProfileRef, response: SessionStateSchema },
  'settings.secret.set': { request: SecretSetRequestSchema, response: Empty },
  'settings.preferences.set': { request: PreferencesSchema, response: Empty },
  'settings.export': { request: Empty, response: ConfigExportSchema },
  'settings.import': { request: z.object({ text: z.string().max(CONFIG_IMPORT_MAX_CHARS) }).strict(), response: ConfigImportResultSchema },
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

// The schema-free name list and the table must agree, both ways.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListMatches: Exact<ChannelName, Channel> = true;
void channelListMatches;
export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, value);

export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const AppEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call.updated'), call: CallRecordSchema }),
  z.object({ type: z.literal('session.updated'), session: SessionStateSchema }),
  z.object({
    type: z.literal('dial.prefill'),
    profileId: z.string().optional(),
    number: z.string(),
    postDial: z.string().optional(),
  }),
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'warning', 'error']), message: z.string() }),
  /** A call was written to the history file. */
  z.object({ type: z.literal('history.appended'), entry: HistoryEntrySchema }),
  /** Profiles or preferences changed: the renderer reloads its bootstrap and settings. */
  z.object({ type: z.literal('settings.updated') }),
  /** A global shortcut brought the window forward: the renderer shows the dialer, focus in the number box. */
  z.object({ type: z.literal('dialer.show') }),
]);
export type AppEvent = z.infer<typeof AppEventSchema>;

/** What every call returns across the boundary: a result or a structured error, never a throw. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof AppErrorSchema> };

/** The API as the renderer sees it (window.softphone in Electron, the WebSocket client in the shell). */
export type SoftphoneApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Outcome<ResponseOf<C>>>;
} & {
  onEvent(listener: (event: AppEvent) => void): () => void;
};
