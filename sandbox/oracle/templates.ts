/** A call template (vendors/oracle.md §7): the agent leg and the checks made before a call. */
export interface OracleTemplate {
  agentPhone: string;
  agentExtension?: string;
  /** Pre-call authorization checks: `deny` refuses every start with 403. */
  preAuth: 'allow' | 'deny';
  /** Template defaults of the optional data fields, by internal name (`var1`…`var10`). */
  optionalDefaults: Record<string, string>;
  /** Account-specific labels of the optional data fields, label → internal name. */
  labels: Record<string, string>;
  /** The Webcare account setting that permits reverse call flow (`callAgentFirst`). */
  callAgentFirstAllowed: boolean;
}

/** `367901` from the documentation's example; its agent leg, 12025550100, is the emulator's choice. */
export const SEED_TEMPLATES: Readonly<Record<string, OracleTemplate>> = {
  '367901': {
    agentPhone: '12025550100',
    preAuth: 'allow',
    optionalDefaults: {},
    labels: { CustRef: 'var1' },
    callAgentFirstAllowed: true,
  },
};

export const DEFAULT_TEMPLATE: OracleTemplate = {
  agentPhone: '12025550100',
  preAuth: 'allow',
  optionalDefaults: {},
  labels: {},
  callAgentFirstAllowed: false,
};
