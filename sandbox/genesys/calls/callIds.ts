import { randomBytes, randomInt } from 'node:crypto';
import { DOCUMENTED_CALL_IDS } from '../seed';

export interface CallIds {
  id: string;
  connId: string;
}

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function randomCallId(): string {
  return Array.from({ length: 32 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
}

export function randomConnId(): string {
  return randomBytes(8).toString('hex');
}

/** Hands out the documented sample ids first, then fresh ones in the same formats. */
export class CallIdGenerator {
  private issued = 0;
  private readonly used = new Set<string>();

  next(): CallIds {
    const documented = DOCUMENTED_CALL_IDS[this.issued];
    this.issued += 1;
    let ids = documented ?? { id: randomCallId(), connId: randomConnId() };
    while (this.used.has(ids.id)) ids = { id: randomCallId(), connId: randomConnId() };
    this.used.add(ids.id);
    return { ...ids };
  }

  reset(): void {
    this.issued = 0;
    this.used.clear();
  }
}
