import { randomUUID } from 'node:crypto';
import type { CallTarget } from '../../../shared/callModel';
import { toAppErrorData } from '../../../shared/errors';
import type { AppEvent, DialRequest } from '../../../shared/ipc/contract';
import type { LinkOpenResult } from '../../../shared/links';
import { normalizeNumber } from '../../../shared/phoneNumber';
import { parseTelUri, type TelLink } from '../../../shared/telUri';
import type { Logger } from '../../vendors/adapter';
import { NOTHING_SENT } from '../calls/dialService';
import type { LinkSettingsStore } from './linkSettingsStore';

export interface LinkHandlerDeps {
  settings: LinkSettingsStore;
  /** Whether this profile exists and can call phone numbers. */
  canDialPhones(profileId: string): boolean;
  /** Local numbers in links are read with the user's default country, as typed ones are. */
  defaultCountry(): string;
  dial(request: DialRequest): Promise<{ callId: string }>;
  publish(event: AppEvent): void;
  log: Logger;
}

/**
 * Every tel:/callto: link the app is handed (Electron's open-url and second-instance, the
 * browser shell's link.open) goes through `open`: parsed as untrusted input, then either put
 * in the dialer for the user to confirm, or dialled at once when the user chose that. Each
 * open is one intent; the core's dial guard joins repeated opens of the same link while its
 * dial is in flight, so a link opened five times places one call.
 */
export class LinkHandler {
  constructor(private readonly deps: LinkHandlerDeps) {}

  async open(uri: string): Promise<LinkOpenResult> {
    const link = parseTelUri(uri);
    if (!link.ok) {
      this.deps.log.warn('refused a link', { reason: link.reason });
      this.notice('warning', `This link was not dialled: ${link.reason}`);
      return { outcome: 'rejected', reason: link.reason };
    }
    const settings = this.deps.settings.current();
    if (!settings.autoDial) {
      this.prefill(link);
      return { outcome: 'prefilled' };
    }
    if (!this.deps.canDialPhones(settings.profileId)) {
      this.notice('warning', `Links are set to be dialled at once on profile "${settings.profileId}", which is gone or cannot call phone numbers. Check the number and press Call.`);
      this.prefill(link);
      return { outcome: 'prefilled' };
    }
    return this.dial(link, settings.profileId);
  }

  private async dial(link: TelLink, profileId: string): Promise<LinkOpenResult> {
    const target: CallTarget = {
      kind: 'phone',
      input: link.number,
      number: normalizeNumber(link.number, this.deps.defaultCountry()).number,
      ...(link.postDial ? { postDial: link.postDial } : {}),
    };
    try {
      const { callId } = await this.deps.dial({ profileId, intentId: randomUUID(), target });
      this.deps.log.info('dialled a link at once', { callId });
      return { outcome: 'dialled', callId };
    } catch (error) {
      const data = toAppErrorData(error);
      // A request that may have reached the vendor has a call record, shown with its failure;
      // one refused before sending has none, so the user hears about it here and can fix it.
      if (NOTHING_SENT.has(data.code)) {
        this.notice('error', `The link to ${target.number} was not dialled: ${data.message}${data.hint ? ` ${data.hint}` : ''}`);
        this.prefill(link);
      }
      return { outcome: 'refused', reason: data.message };
    }
  }

  private prefill(link: TelLink): void {
    this.deps.publish({ type: 'dial.prefill', number: link.number, ...(link.postDial ? { postDial: link.postDial } : {}) });
  }

  private notice(level: 'warning' | 'error', message: string): void {
    this.deps.publish({ type: 'notice', level, message });
  }
}
