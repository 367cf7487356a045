import type { VccCall } from './vccWorld';

/** `href` as VCC writes it, capitals included: `{base}/V0/{accountKey}/Calls/{id}`. */
export function callHref(baseUrl: string, call: Pick<VccCall, 'accountKey' | 'id'>): string {
  return `${baseUrl}/V0/${call.accountKey}/Calls/${call.id}`;
}

/**
 * The call object of the 201 and of the call-detail GET (vendors/vonage.md §3, §4), in the
 * documentation's field order. Note `presentedClid` in the answer where the request says
 * `presentedCLID`: that is how VCC writes it.
 */
export function callRepresentation(call: VccCall, baseUrl: string): Record<string, unknown> {
  const { from, to, reference, application } = call.request;
  return {
    id: call.id,
    links: [{ href: callHref(baseUrl, call), rel: '_self' }],
    from: {
      ...(from.presentedCLID !== undefined ? { presentedClid: from.presentedCLID } : {}),
      ...('agentId' in from ? { agentId: from.agentId } : { groups: from.groups }),
      ...(from.consent !== undefined ? { consent: from.consent } : {}),
    },
    to: {
      ...('telephoneNumber' in to ? { telephoneNumber: to.telephoneNumber } : { agentId: to.agentId }),
      ...(to.consent !== undefined ? { consent: to.consent } : {}),
    },
    ...(reference !== undefined ? { regarding: { reference } } : {}),
    status: call.status,
    recordingStatus: call.recordingStatus,
    ...(application !== undefined ? { application } : {}),
    ...(call.result !== null ? { result: call.result } : {}),
    dispositionCode: call.dispositionCode,
  };
}
