import { randomBytes } from 'node:crypto';
import { Cookie } from 'tough-cookie';

/**
 * The load balancer's stickiness cookie of cloud (ELB) sites: set at sign-in, expected back on
 * every later request of that agent.
 */
export function newStickyValue(): string {
  return randomBytes(12).toString('hex');
}

export function stickyCookieHeader(name: string, value: string): string {
  return new Cookie({ key: name, value, path: '/', httpOnly: true }).toString();
}

/** Whether a request's `Cookie` header (`a=1; b=2`) carries `name=value`. */
export function carriesCookie(header: string | undefined, name: string, value: string): boolean {
  if (!header) return false;
  return header.split(';').some((pair) => {
    const separator = pair.indexOf('=');
    return separator > 0 && pair.slice(0, separator).trim() === name && pair.slice(separator + 1).trim() === value;
  });
}
