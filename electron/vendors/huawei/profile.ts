import { z } from 'zod';
import { HUAWEI_FIELD_RULES, HUAWEI_PHONE_NUMBER_PATTERN, isHuaweiAgentId } from '../../../shared/vendors/huaweiLimits';
import { ProfileBaseSchema, SecretRefSchema } from '../profileBase';

export const HuaweiProfileSchema = ProfileBaseSchema.extend({
  vendor: z.literal('huawei'),
  /** Agent ID (work number). */
  agentId: z.string().refine(isHuaweiAgentId, { message: HUAWEI_FIELD_RULES.agentid }),
  /** Absent on old sites that sign agents in with an empty password. */
  password: SecretRefSchema.optional(),
  /** The phone bound to the agent at sign-in (`phonenum`); also the callout's calling number. */
  phoneNumber: z.string().regex(HUAWEI_PHONE_NUMBER_PATTERN, 'must be 1–24 digits'),
  /** Gateways often run with a self-signed certificate; trust it for this profile only. */
  allowSelfSignedTls: z.boolean().default(false),
  /** When the agent is already signed in elsewhere (100-002), take the session over with forcelogin. */
  forceSignIn: z.boolean().default(true),
}).strict();
export type HuaweiProfile = z.infer<typeof HuaweiProfileSchema>;
