import { CONTRACT, isChannel, type Channel, type Outcome, type ParsedRequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { toAppErrorData } from '../../../shared/errors';
import { formatJsonPath } from '../../../shared/jsonPath';
import type { Logger } from '../../vendors/adapter';

export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

/**
 * The single entry point for whatever the renderer sends, whichever transport carried it:
 * unknown channels and malformed payloads are answered with a structured error before any
 * handler runs, and responses are parsed on the way out so no field outside the contract
 * (a secret, say) can leave main.
 */
export function createContractRouter(handlers: Handlers, log: Logger) {
  return async function dispatch(channel: unknown, payload: unknown): Promise<Outcome<unknown>> {
    if (!isChannel(channel)) {
      // Not String(channel): a null-prototype object has no conversion and would throw.
      const message =
        typeof channel === 'string'
          ? `There is no channel named ${JSON.stringify(channel).slice(0, 80)}.`
          : `A channel name must be a string, not ${channel === null ? 'null' : typeof channel}.`;
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message } };
    }
    const spec = CONTRACT[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue ? formatJsonPath(issue.path) : '(request)';
      return { ok: false, error: { code: 'INVALID_REQUEST', message: `Invalid ${channel} request: ${path}: ${issue?.message ?? 'invalid'}`, path } };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const value = spec.response.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (error) {
      const data = toAppErrorData(error);
      if (data.code === 'INTERNAL') log.error(`${channel} failed`, { error: String(error), stack: (error as Error).stack });
      return { ok: false, error: data };
    }
  };
}
