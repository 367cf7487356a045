import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../shared/errors';
import type { SessionStatus } from '../../../shared/session';
import { HUAWEI_PASSWORD_MAX_LENGTH, HUAWEI_SESSION_LOST_RETCODES } from '../../../shared/vendors/huaweiLimits';
import type { AdapterHost, SecretReader } from '../adapter';
import { isTransient, refusal, unreachable } from './errors';
import { backoffDelayMs } from './eventPoller';
import type { GatewayClient } from './gatewayClient';
import type { HuaweiProfile } from './profile';
import { SerialQueue } from './serialQueue';

/** Why the gateway no longer serves the agent's session. */
export interface SessionLoss {
  /** For the status line, e.g. `retcode 100-006` or `AgentOther_ShutdownService`. */
  cause: string;
  /**
   * 000-003: the GUID was refused while the agent may still be signed in on the gateway (an
   * expired GUID, or a request routed to a node that never saw it).
   */
  guidRefused: boolean;
}

/** A session taken back with forcelogin this recently is not taken back again: another client wants it. */
export const FORCED_RECOVERY_WINDOW_MS = 60_000;

export interface AgentSessionDeps {
  profile: HuaweiProfile;
  client: GatewayClient;
  host: AdapterHost;
  secrets: SecretReader;
  polling: { start(): void; stop(): Promise<void> };
  retry: { backoffBaseMs: number; backoffMaxMs: number };
  random: () => number;
  /** After an automatic re-sign-in: re-read the agent's call from the gateway. */
  onSignedInAgain(): void;
  onSignedOut(): void;
}

/**
 * Sign-in, sign-out and automatic re-sign-in of one agent (vendors/huawei.md §2). They run
 * one at a time, so sign-in and sign-out never overlap, and a forced sign-out noticed by
 * several requests at once leads to one re-sign-in.
 */
export class AgentSession {
  private readonly lifecycle = new SerialQueue();
  private wanted: 'signed-in' | 'signed-out' = 'signed-out';
  private status: SessionStatus = 'signed-out';
  private signedInDetail: string | undefined;
  private recovery: Promise<boolean> | undefined;
  private retries = new AbortController();
  private lastForcedRecoveryAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: AgentSessionDeps) {}

  signIn(): Promise<string> {
    this.wanted = 'signed-in';
    return this.lifecycle.run(async () => {
      if (this.status === 'signed-in' && this.signedInDetail !== undefined && this.deps.client.hasSession()) return this.signedInDetail;
      this.report('signing-in', `Signing in as agent ${this.agentId}`);
      try {
        const detail = await this.establish(this.deps.profile.forceSignIn);
        this.report('signed-in', detail);
        return detail;
      } catch (error) {
        const appError = error instanceof AppError ? error : unreachable('Signing in', error);
        this.wanted = 'signed-out';
        this.report('error', appError.message, appError);
        throw appError;
      }
    });
  }

  async signOut(): Promise<void> {
    this.wanted = 'signed-out';
    this.stopRetries();
    await this.lifecycle.run(async () => {
      // The poll still out returns on its own; a later loop starts only after it has.
      void this.deps.polling.stop();
      this.deps.onSignedOut();
      if (this.deps.client.hasSession()) {
        try {
          const reply = await this.deps.client.operation({ method: 'DELETE', path: `/onlineagent/${this.agentId}/logout` });
          if (reply.retcode !== '0' && !HUAWEI_SESSION_LOST_RETCODES.includes(reply.retcode)) {
            this.deps.host.log.warn('Huawei sign-out refused', { retcode: reply.retcode, message: reply.message });
          }
        } catch (error) {
          this.deps.host.log.warn('Huawei sign-out request failed', { reason: (error as Error).message });
        }
        this.deps.client.endSession();
      }
      this.report('signed-out', `Signed out agent ${this.agentId}`);
    });
  }

  /**
   * The gateway no longer knows the agent (100-006, 000-003, AgentOther_ShutdownService).
   * Resolves true once signed in again, false when the agent stays signed out.
   */
  recover(loss: SessionLoss): Promise<boolean> {
    this.recovery ??= this.lifecycle.run(() => this.signInAgain(loss)).finally(() => {
      this.recovery = undefined;
    });
    return this.recovery;
  }

  /** Cuts a re-sign-in's back-off pause, so it tries again now (the network is back after a sleep). */
  retryNow(): void {
    this.stopRetries();
  }

  transportTrouble(reason: string): void {
    if (this.status === 'signed-in') this.report('reconnecting', `Lost contact with the gateway (${reason}); retrying`);
  }

  transportRecovered(): void {
    if (this.status === 'reconnecting' && this.recovery === undefined && this.signedInDetail !== undefined && this.deps.client.hasSession()) {
      this.report('signed-in', this.signedInDetail);
    }
  }

  dispose(): void {
    this.wanted = 'signed-out';
    this.stopRetries();
    void this.deps.polling.stop();
  }

  private get agentId(): string {
    return this.deps.profile.agentId;
  }

  private stopRetries(): void {
    this.retries.abort();
    this.retries = new AbortController();
  }

  /**
   * After a sign-out by the gateway (heartbeat lapse) the plain sign-in succeeds; an agent
   * taken over by another client answers 100-002 and stays with that client. Only a refused
   * GUID, where the gateway may still hold our own session, is taken back with forcelogin,
   * and not twice within a minute, so two clients never take the session from each other
   * in turn.
   */
  private async signInAgain(loss: SessionLoss): Promise<boolean> {
    if (this.wanted !== 'signed-in') return false;
    this.deps.client.endSession();
    const signedOut = `The gateway signed agent ${this.agentId} out (${loss.cause})`;
    if (this.password() === undefined) {
      this.wanted = 'signed-out';
      this.report('signed-out-by-vendor', `${signedOut}; the password is not available to sign in again.`, this.passwordMissing());
      return false;
    }
    this.report('reconnecting', `${signedOut}; signing in again`);
    for (let attempt = 1; this.wanted === 'signed-in'; attempt += 1) {
      try {
        const force = loss.guidRefused && this.deps.profile.forceSignIn && Date.now() - this.lastForcedRecoveryAt > FORCED_RECOVERY_WINDOW_MS;
        const detail = await this.establish(force, () => {
          this.lastForcedRecoveryAt = Date.now();
        });
        this.report('signed-in', detail);
        this.deps.onSignedInAgain();
        return true;
      } catch (error) {
        if (isTransient(error)) {
          this.deps.host.log.warn('Huawei re-sign-in failed; retrying', { attempt, reason: (error as Error).message });
          await sleep(backoffDelayMs(attempt, this.deps.retry, this.deps.random), undefined, { signal: this.retries.signal }).catch(() => undefined);
          continue;
        }
        const appError = error instanceof AppError ? error : unreachable('Signing in again', error);
        this.wanted = 'signed-out';
        this.report('signed-out-by-vendor', `${signedOut}, and signing in again failed: ${appError.message}`, appError);
        return false;
      }
    }
    return false;
  }

  /** Sign-in (forcelogin on 100-002 when `force`), all skills on, then the event poll. */
  private async establish(force: boolean, onForced?: () => void): Promise<string> {
    const body = this.signInBody();
    let reply = await this.deps.client.signIn('signin', body);
    if (reply.retcode === '100-002' && force) {
      this.deps.host.log.info('Huawei agent already signed in; forcing the sign-in', { agentId: this.agentId });
      onForced?.();
      reply = await this.deps.client.signIn('forcelogin', body);
    }
    if (reply.retcode !== '0') throw refusal('Signing in', reply);
    if (!reply.sessionStarted) {
      throw new AppError({
        code: 'VENDOR_REJECTED',
        message: 'The gateway accepted the sign-in but sent no GUID (Set-GUID header), so it would refuse every other request.',
        hint: 'Check that nothing between the softphone and the gateway (a proxy or load balancer) removes the Set-GUID header.',
      });
    }
    const skills = await this.enableSkills();
    if (this.wanted === 'signed-in') this.deps.polling.start();
    const detail = `Signed in as agent ${this.agentId} (phone ${this.deps.profile.phoneNumber})`;
    this.signedInDetail = skills === undefined ? detail : `${detail}; ${skills}`;
    return this.signedInDetail;
  }

  /** `resetskill/true`. A refusal leaves the agent signed in without skills: reported in the status line, not fatal. */
  private async enableSkills(): Promise<string | undefined> {
    try {
      const reply = await this.deps.client.operation({ method: 'POST', path: `/onlineagent/${this.agentId}/resetskill/true` });
      if (reply.retcode === '0') return undefined;
      this.deps.host.log.warn('Huawei resetskill refused', { retcode: reply.retcode, message: reply.message });
      return `skills not enabled (${reply.retcode}${reply.message !== '' ? `: ${reply.message}` : ''})`;
    } catch (error) {
      this.deps.host.log.warn('Huawei resetskill failed', { reason: (error as Error).message });
      return 'skills not enabled (no answer from the gateway)';
    }
  }

  private signInBody(): Record<string, string> {
    const password = this.password();
    if (password === undefined) throw this.passwordMissing();
    if ([...password].length > HUAWEI_PASSWORD_MAX_LENGTH) {
      throw new AppError({
        code: 'VALIDATION',
        message: `The password is longer than the ${HUAWEI_PASSWORD_MAX_LENGTH} characters the gateway accepts.`,
        hint: 'Check the password of the profile.',
        path: 'password',
      });
    }
    // The documentation's sign-in sample: idle after sign-in, phone kept off-hook between calls, PC + phone agent.
    return { password, phonenum: this.deps.profile.phoneNumber, status: '4', releasephone: 'false', agenttype: '4' };
  }

  /** A configured password must be readable; a profile without one signs in with an empty password (old sites). */
  private password(): string | undefined {
    const secret = this.deps.secrets('password');
    if (secret !== undefined) return secret;
    return this.deps.profile.password === undefined ? '' : undefined;
  }

  private passwordMissing(): AppError {
    const env = this.deps.profile.password?.env;
    return new AppError({
      code: 'AUTH_FAILED',
      message: `The password of profile "${this.deps.profile.id}" is not available${env !== undefined ? ` (environment variable ${env} is not set)` : ''}.`,
      hint: 'Set the environment variable or enter the password in Settings, then sign in.',
    });
  }

  private report(status: SessionStatus, detail: string, error?: AppError): void {
    this.status = status;
    this.deps.host.sessionChanged(status, detail, error);
  }
}
