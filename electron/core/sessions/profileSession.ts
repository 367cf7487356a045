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

  /** Signs in first when needed; throws the sign-in error so a dial never goes out unauthenticated. */
  async ready(): Promise<void> {
    if (this.state.status === 'signed-in' || this.state.status === 'reconnecting') return;
    const state = await this.signIn();
    if (state.status !== 'signed-in') {
      throw new AppError(state.error ?? { code: 'AUTH_FAILED', message: `${this.profile.id} is not signed in` });
    }
  }

  private async run(task: () => Promise<SessionState>): Promise<SessionState> {
    try {
      return await task();
    } finally {
      this.pending = undefined;
    }
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
