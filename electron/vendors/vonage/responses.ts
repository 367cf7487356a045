import { z } from 'zod';

/** Token answer; the body is undocumented, so only `access_token` is required ("valid for one hour"). */
export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
});

const text = z.string().nullish();

/**
 * The call object of the 201 and of the call-detail GET. Parsed leniently: extra fields are
 * ignored, `links[].href` is never used (its `V0`/`Calls` capitals differ from the request
 * path), and `status: null` means the call is over.
 */
export const VccCallSchema = z.object({
  id: z.string().min(1),
  status: text,
  recordingStatus: text,
  result: z.object({ code: text, party: text, reason: text }).nullish(),
  dispositionCode: text,
});
export type VccCall = z.infer<typeof VccCallSchema>;

/** `{"message": "…"}`, the body of every documented error. */
export const VccMessageSchema = z.object({ message: z.string() });

/** RFC 6749 error body of the token endpoint. */
export const OAuthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });
