import { z } from 'zod';
import { isSupportedCountry } from 'libphonenumber-js';
import { ProfileSchema } from '../../vendors/registry';

const DirectoryEntryConfigSchema = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(128) }).strict();

/** The provisioning file of DESIGN §6. Field names are the contract. */
export const AppConfigSchema = z
  .object({
    defaultCountry: z
      .string()
      .refine((value) => isSupportedCountry(value), 'must be an ISO 3166 country code such as GB or US')
      .default('GB'),
    profiles: z.array(ProfileSchema).min(1, 'at least one profile is needed'),
    directory: z
      .object({
        agents: z.array(DirectoryEntryConfigSchema).default([]),
        groups: z.array(DirectoryEntryConfigSchema).default([]),
      })
      .strict()
      .default({ agents: [], groups: [] }),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.profiles.forEach((profile, index) => {
      if (seen.has(profile.id)) {
        ctx.addIssue({ code: 'custom', path: ['profiles', index, 'id'], message: `duplicate profile id "${profile.id}"` });
      }
      seen.add(profile.id);
    });
  });

export type AppConfig = z.infer<typeof AppConfigSchema>;
export type AppConfigInput = z.input<typeof AppConfigSchema>;
