import { z } from 'zod';
import { ProfileBaseSchema, SecretRefSchema } from '../profileBase';

export const IovoxProfileSchema = ProfileBaseSchema.extend({
  vendor: z.literal('iovox'),
  /** The API user, sent in the `username` header. */
  username: z.string().min(1).max(128),
  /** Sent in the `secureKey` header; resolved by the core at the moment of a request. */
  secureKey: SecretRefSchema.optional(),
  /** The Link whose Calling Rules every call of this profile follows. */
  linkId: z.string().min(1).max(128),
  /** Deadline of one request; a call request without an answer by then has an unknown outcome. */
  requestTimeoutMs: z.number().int().min(100).max(120_000).default(15_000),
}).strict();
export type IovoxProfile = z.infer<typeof IovoxProfileSchema>;
