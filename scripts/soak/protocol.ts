import { z } from 'zod';
import { VendorSchema } from '../../shared/callModel';

/**
 * Messages between the soak (the app under test: core and adapters) and the child process
 * that runs the sandbox emulators, so that the soak's heap, timers and sockets are the
 * app's alone.
 */

/** The framework's generic fault (`server.faults.add`), as the control route accepts it. */
export const FaultSchema = z.object({
  path: z.string(),
  method: z.string().optional(),
  action: z.enum(['respond', 'drop', 'delay']),
  status: z.number().int().optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  delayMs: z.number().int().optional(),
  truncate: z.boolean().optional(),
  times: z.number().int().optional(),
});
export type Fault = z.infer<typeof FaultSchema>;

export const CONTROL_ACTIONS = ['dropEventStream', 'expireSession', 'forceSignOut', 'expireGuid', 'rotateGuid', 'expireTokens', 'malformedEvent'] as const;
export const ControlActionSchema = z.enum(CONTROL_ACTIONS);
export type ControlAction = z.infer<typeof ControlActionSchema>;

export const CommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('fault'), vendor: VendorSchema, fault: FaultSchema }),
  z.object({ op: z.literal('control'), vendor: VendorSchema, action: ControlActionSchema, agentId: z.string().optional() }),
  z.object({ op: z.literal('clearFaults') }),
  z.object({ op: z.literal('report') }),
]);
export type Command = z.infer<typeof CommandSchema>;

/** How the emulator answered one call-creating request. */
export const CreateVerdictSchema = z.enum(['placed', 'refused-before-processing', 'refused', 'no-answer']);
export type CreateVerdict = z.infer<typeof CreateVerdictSchema>;

export const CreateRecordSchema = z.object({ key: z.string(), verdict: CreateVerdictSchema });
export type CreateRecord = z.infer<typeof CreateRecordSchema>;

export const ReportSchema = z.object({
  /** Every call-creating request each emulator received, in order, with its verdict. */
  creates: z.record(VendorSchema, z.array(CreateRecordSchema)),
  /**
   * Calls each emulator's own state holds, by number key, where its state names the number
   * (Genesys, IOVOX, Oracle); the others are known from their answers alone.
   */
  placed: z.record(VendorSchema, z.record(z.string(), z.number()).optional()),
  /** Requests of any kind each emulator received. */
  requests: z.record(VendorSchema, z.number()),
  /** Session upkeep the vendors saw: CometD handshakes, Huawei sign-ins and GUID rotations, VCC tokens issued. */
  upkeep: z.object({ handshakes: z.number(), signIns: z.number(), guidRotations: z.number(), tokens: z.number() }),
});
export type Report = z.infer<typeof ReportSchema>;

export const ChildMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), urls: z.record(VendorSchema, z.string()) }),
  z.object({ type: z.literal('reply'), id: z.number(), ok: z.boolean(), result: z.unknown().optional(), error: z.string().optional() }),
]);
export type ChildMessage = z.infer<typeof ChildMessageSchema>;

export const RequestMessageSchema = z.object({ id: z.number(), command: CommandSchema });
export type RequestMessage = z.infer<typeof RequestMessageSchema>;
