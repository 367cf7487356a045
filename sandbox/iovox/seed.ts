/** An IOVOX Link as the emulator knows it: whether it has Calling Rules and which variables they need. */
export interface IovoxLink {
  linkId: string;
  hasCallingRules: boolean;
  /** Variables the Link's Calling Rules require; each missing or blank one is reported. */
  requiredVariables: string[];
  /** Variables the Call Flow reads when present (documentation only: IOVOX ignores extra ones). */
  optionalVariables: string[];
}

export interface IovoxCredential {
  username: string;
  secureKey: string;
}

/** The built-in sandbox profile's credentials, and the documentation's example ones. */
export const SEED_CREDENTIALS: readonly IovoxCredential[] = [
  { username: 'sandbox', secureKey: 'sandbox-key' },
  { username: 'RestUserName', secureKey: 'eb94fd75a6a8c04306dd341953e7e922' },
];

/** `link123` from the documentation's payload (Call-based template); `link000` has no rules. */
export const SEED_LINKS: readonly IovoxLink[] = [
  {
    linkId: 'link123',
    hasCallingRules: true,
    requiredVariables: ['call_destination'],
    optionalVariables: ['my_custom_var', 'the_custom_var', 'another_custom_var'],
  },
  { linkId: 'link000', hasCallingRules: false, requiredVariables: [], optionalVariables: [] },
];
