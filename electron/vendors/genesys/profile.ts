import { z } from 'zod';
import { ProfileBaseSchema, SecretRefSchema } from '../profileBase';

export const GenesysProfileSchema = ProfileBaseSchema.extend({
  vendor: z.literal('genesys'),
  username: z.string().min(1).max(128),
  password: SecretRefSchema.optional(),
  /** Which of the user's devices to dial from; the first one when omitted. */
  deviceId: z.string().min(1).max(64).optional(),
  /** Agent state after StartContactCenterSession. */
  initialState: z.enum(['Ready', 'NotReady']).default('Ready'),
}).strict();
export type GenesysProfile = z.infer<typeof GenesysProfileSchema>;
