import { LinkSettingsSchema, type LinkSettings } from '../../../shared/links';
import type { Logger } from '../../vendors/adapter';
import { JsonDocument } from '../storage/jsonDocument';

/** "Dial links at once", kept in `links.json` in the data dir. Off until the user turns it on. */
export class LinkSettingsStore {
  private settings: LinkSettings;

  constructor(private readonly file: JsonDocument<typeof LinkSettingsSchema>, log: Logger) {
    const loaded = file.load();
    if (loaded.problem) log.warn('link settings were not read; links will ask before dialling', { problem: loaded.problem });
    this.settings = loaded.value;
  }

  current(): LinkSettings {
    return this.settings;
  }

  /** Writes the file before answering, so what the user sees is what the next start reads. */
  update(settings: LinkSettings): LinkSettings {
    this.file.save(settings);
    this.settings = settings;
    return settings;
  }
}

export function openLinkSettingsStore(path: string, log: Logger): LinkSettingsStore {
  return new LinkSettingsStore(new JsonDocument(path, LinkSettingsSchema, () => ({ autoDial: false })), log);
}
