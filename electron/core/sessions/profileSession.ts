import { AppError, toAppErrorData } from '../../../shared/errors';
import type { SessionState, SessionStatus } from '../../../shared/session';
import type { AdapterHost, VendorAdapter } from '../../vendors/adapter';
import type { Profile } from '../../vendors/registry';

/**
 * One profile's adapter and its session state. Sign-in and sign-out never overlap: a
 * second request while one is running waits for it.
 */
export class ProfileSession {
  private state: SessionState;
  private pending: Promise<SessionState> | undefined;
  private resuming: Promise<void> | undefined;
  /** The user signed this profile out: waking the computer must not sign it back in. */
  private signedOutByUser = false;
  readonly adapter: VendorAdapter;

  constructor(
    readonly profile: Profile,
    createAdapter: (host: AdapterHost) => VendorAdapter,
    host: Omit<AdapterHost, 'sessionChanged'>,
    private readonly onState: (state: SessionState) => void,
  ) {
    this.state = { profileId: profile.id, status: 'signed-out' };
    this.adapter = createAdapter({ ...host, sessionChanged: (status, detail, error) => this.set(status, detail, error) });
  }

  get current(): SessionState {
    return this.state;
  }

  signIn(): Promise<SessionState> {
    this.signedOutByUser = false;
    this.pending ??= this.run(async () => {
      this.set('signing-in', 'Signing in…');
      try {
        const detail = await this.adapter.signIn();
        this.set('signed-in', detail);
      } catch (error) {
        this.set('error', error instanceof AppError ? error.message : 'Sign-in failed', error);
      }
      return this.state;
    });
    return this.pending;
  }

  signOut(): Promise<SessionState> {
    this.signedOutByUser = true;
    const previous = this.pending ?? Promise.resolve(this.state);
    this.pending = this.run(async () => {
      await previous;
      try {
        await this.adapter.signOut();
      } finally {
        this.set('signed-out', 'Signed out');
      }
      return this.state;
    });
    return this.pending;
  }

  /**
   * The computer woke up or the screen was unlocked (both often come together, so a second
   * call joins the first). A live session drops connections that may have died in the
   * meantime and re-reads its calls; a session that fell over signs in again; one the user
   * signed out stays signed out.
   */
  resume(): Promise<void> {
    this.resuming ??= this.reconnectOrSignIn().finally(() => {
      this.resuming = undefined;
    });
    return this.resuming;
  }

  private async reconnectOrSignIn(): Promise<void> {
    if (this.signedOutByUser || this.state.status === 'signing-in') return;
    if (this.state.status === 'signed-in' || this.state.status === 'reconnecting') {
      await (this.adapter.reconnect ? this.adapter.reconnect() : this.adapter.resync());
      return;
    }
    await this.signIn();
  }

  /** Signs in first when needed; throws the sign-in error so a dial never goes out unauthenticated. */
  async ready(): Promise<void> {
    if (this.state.status === 'signed-in' || this.state.status === 'reconnecting') return;
    const state = await this.signIn();
    if (state.status !== 'signed-in') {
      throw new AppError(state.error ?? { code: 'AUTH_FAILED', message: `${this.profile.id} is not signed in` });
    }
  }

  /** Runs a sign-in or sign-out as the pending one; only that one clears the slot when done. */
  private run(task: () => Promise<SessionState>): Promise<SessionState> {
    const running = task();
    const clear = (): void => {
      if (this.pending === running) this.pending = undefined;
    };
    running.then(clear, clear);
    return running;
  }

  private set(status: SessionStatus, detail?: string, error?: unknown): void {
    this.state = {
      profileId: this.profile.id,
      status,
      ...(detail ? { detail } : {}),
      ...(error ? { error: toAppErrorData(error) } : {}),
    };
    this.onState(this.state);
  }
}
