import { describe, expect, it } from 'vitest';
import { expectedLabel, FINAL_LABELS } from './expectedStates';

describe('expectedLabel', () => {
  it.each([
    { vendor: 'genesys', raw: 'Dialing', label: 'Dialing' },
    { vendor: 'genesys', raw: 'Ringing', label: 'Ringing' },
    { vendor: 'genesys', raw: 'Established', label: 'Connected' },
    { vendor: 'genesys', raw: 'Held', label: 'On hold' },
    { vendor: 'genesys', raw: 'Released', label: 'Ended' },
    { vendor: 'genesys', raw: 'DtmfSent', label: undefined },
    { vendor: 'huawei', raw: 'AgentEvent_Customer_Alerting', label: 'Ringing' },
    { vendor: 'huawei', raw: 'AgentEvent_Talking', label: 'Connected' },
    { vendor: 'huawei', raw: 'AgentEvent_Hold', label: 'On hold' },
    { vendor: 'huawei', raw: 'AgentEvent_Customer_Release', label: 'Ended' },
    { vendor: 'huawei', raw: 'AgentEvent_Call_Release', label: 'Ended' },
    { vendor: 'huawei', raw: 'AgentEvent_Connect_Fail', label: 'Failed' },
    { vendor: 'huawei', raw: 'AgentState_Busy', label: undefined },
    { vendor: 'huawei', raw: 'AgentOther_PhoneRelease', label: undefined },
  ] as const)('$vendor $raw → $label', ({ vendor, raw, label }) => {
    expect(expectedLabel(vendor, raw)).toBe(label);
  });

  it('knows which labels are final', () => {
    expect([...FINAL_LABELS].sort()).toEqual(['Accepted by the vendor (no progress reported)', 'Ended', 'Failed']);
  });
});
