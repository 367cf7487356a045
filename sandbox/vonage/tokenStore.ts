import { randomBytes } from 'node:crypto';

interface IssuedToken {
  accountKey: string;
  expiresAt: number;
}

/** Opaque bearer tokens, each bound to the account it was issued for. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(accountKey: string, ttlSeconds: number): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { accountKey, expiresAt: this.now() + ttlSeconds * 1000 });
    return token;
  }

  isValid(token: string, accountKey: string): boolean {
    const issued = this.tokens.get(token);
    return issued !== undefined && issued.accountKey === accountKey && issued.expiresAt > this.now();
  }

  /** Ends every token's life now (the control API's "expire a token"); returns how many were live. */
  expireAll(): number {
    let live = 0;
    const now = this.now();
    for (const issued of this.tokens.values()) {
      if (issued.expiresAt > now) live += 1;
      issued.expiresAt = now;
    }
    return live;
  }

  clear(): void {
    this.tokens.clear();
  }
}
