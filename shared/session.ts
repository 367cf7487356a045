import { z } from 'zod';
import { VendorSchema } from './callModel';
import { AppErrorSchema } from './errors';
import { VendorCapabilitiesSchema } from './vendors/capabilities';

export const SESSION_STATUSES = [
  'signed-out',
  'signing-in',
  'signed-in',
  'reconnecting',
  'signed-out-by-vendor',
  'error',
] as const;
export const SessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const SessionStateSchema = z.object({
  profileId: z.string(),
  status: SessionStatusSchema,
  /** One line for the status bar, e.g. "Signed in as agent1 on DN 5005". */
  detail: z.string().optional(),
  error: AppErrorSchema.optional(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

/** A profile as the renderer may see it: never a secret, never a URL with credentials. */
export const ProfileSummarySchema = z.object({
  id: z.string(),
  vendor: VendorSchema,
  label: z.string(),
  sandbox: z.boolean(),
  capabilities: VendorCapabilitiesSchema,
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const DirectoryEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  presence: z.string().optional(),
});
export const DirectorySchema = z.object({
  agents: z.array(DirectoryEntrySchema),
  groups: z.array(DirectoryEntrySchema),
  skills: z.array(DirectoryEntrySchema),
});
export type Directory = z.infer<typeof DirectorySchema>;
