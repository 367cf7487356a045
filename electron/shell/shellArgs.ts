import { homedir } from 'node:os';
import { join } from 'node:path';

export interface ShellArgs {
  port: number;
  dataDir: string;
}

/** `--port N` (0 = any free port) and `--data-dir DIR`; `--config` is read by the startup. */
export function parseShellArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ShellArgs {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    if (index >= 0) return argv[index + 1];
    return argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const portText = value('--port') ?? env.SOFTPHONE_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number (0–65535), not "${portText}"`);
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return { port, dataDir: value('--data-dir') ?? env.SOFTPHONE_DATA_DIR ?? join(configHome, 'agent-softphone') };
}
