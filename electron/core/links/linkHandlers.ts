import { AppError } from '../../../shared/errors';
import type { Handlers } from '../ipc/contractRouter';
import type { LinkHandler } from './linkHandler';
import type { LinkSettingsStore } from './linkSettingsStore';

type LinkHandlers = Pick<Handlers, 'link.open' | 'link.getSettings' | 'link.setSettings'>;

/** The link.* channels: the browser shell's way in for links, and the "dial links at once" setting. */
export function createLinkHandlers(handler: LinkHandler, settings: LinkSettingsStore, canDialPhones: (profileId: string) => boolean): LinkHandlers {
  return {
    'link.open': ({ uri }) => handler.open(uri),
    'link.getSettings': async () => settings.current(),
    'link.setSettings': async (request) => {
      if (request.autoDial && !canDialPhones(request.profileId)) {
        throw new AppError({
          code: 'VALIDATION',
          message: `Profile "${request.profileId}" cannot dial links: it does not exist or cannot call phone numbers.`,
          hint: 'Choose a profile that calls phone numbers, then turn this on again.',
          path: 'profileId',
        });
      }
      return settings.update(request);
    },
  };
}
