import { startSandbox } from '../../sandbox';
import type { AppConfig } from './config/appConfig';
import { loadConfigFile } from './config/loadConfig';
import { sandboxConfig } from './config/sandboxConfig';

export interface Startup {
  config: AppConfig;
  sandbox: boolean;
  ephemeralSecrets: Record<string, string>;
  /** Printed or shown once at start, e.g. where the sandbox listens. */
  banner: string;
  stop(): Promise<void>;
}

export function configPathFrom(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const index = argv.indexOf('--config');
  if (index >= 0) return argv[index + 1];
  const inline = argv.find((arg) => arg.startsWith('--config='));
  return inline ? inline.slice('--config='.length) : env.SOFTPHONE_CONFIG || undefined;
}

/**
 * `--config PATH` or `SOFTPHONE_CONFIG` → that file, validated (a ConfigError stops the
 * start); neither → sandbox mode with the five emulators on loopback.
 */
export async function resolveStartup(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<Startup> {
  const path = configPathFrom(argv, env);
  if (path) {
    const config = loadConfigFile(path, env);
    return { config, sandbox: false, ephemeralSecrets: {}, banner: `Configuration: ${path}`, stop: async () => undefined };
  }
  const sandbox = await startSandbox();
  const { config, ephemeralSecrets } = sandboxConfig(sandbox.urls);
  return {
    config,
    sandbox: true,
    ephemeralSecrets,
    banner: `Sandbox mode: emulators at ${JSON.stringify(sandbox.urls)}`,
    stop: () => sandbox.stop(),
  };
}
