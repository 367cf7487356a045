import { z } from 'zod';

/** A fault applied to the next matching vendor requests (`times` of them, default 1). */
export const FaultSpecSchema = z.object({
  /** Regular expression tested against the request path. */
  path: z.string().min(1),
  method: z.string().optional(),
  action: z.enum(['respond', 'drop', 'delay']).default('respond'),
  status: z.number().int().min(100).max(599).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  /** Send the headers and half the body, then cut the connection. */
  truncate: z.boolean().optional(),
  times: z.number().int().min(1).max(1_000_000).default(1),
});
export type FaultSpec = z.infer<typeof FaultSpecSchema>;

interface ActiveFault extends FaultSpec {
  id: number;
  regex: RegExp;
  remaining: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(input: z.input<typeof FaultSpecSchema>): number {
    const spec = FaultSpecSchema.parse(input);
    const id = this.nextId++;
    this.faults.push({ ...spec, id, regex: new RegExp(spec.path), remaining: spec.times });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  /** Returns the fault to apply to this request, consuming one of its uses. */
  match(method: string, path: string): FaultSpec | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method === method) && f.regex.test(path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
