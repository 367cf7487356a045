import { z } from 'zod';

/**
 * A secret in the config file: the name of an environment variable. Secrets entered in
 * Settings live in the encrypted secret store, never in the config file.
 */
export const SecretRefSchema = z.object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') }).strict();
export type SecretRef = z.infer<typeof SecretRefSchema>;

export const ProfileBaseSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _'),
  label: z.string().min(1).max(64).optional(),
  baseUrl: z.url({ protocol: /^https?$/ }),
});
