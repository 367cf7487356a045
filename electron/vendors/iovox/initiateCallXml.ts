import { XMLBuilder } from 'fast-xml-parser';
import type { IovoxCallPlan } from './callPlan';

// One element per line without indentation: the layout of the documented payloads.
const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '', processEntities: true });

/** The initiateCall payload; the builder escapes every value, so no value can add markup. */
export function buildInitiateCallXml(plan: IovoxCallPlan): string {
  const callVariables = Object.fromEntries([
    ['call_destination', plan.callDestination],
    ...plan.variables,
    ...(plan.delayMinutes !== undefined ? [['delay', String(plan.delayMinutes)] as const] : []),
  ]);
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    request: { link_id: plan.linkId, call_variables: callVariables },
  }) as string;
}
