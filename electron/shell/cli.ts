import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/createCore';
import { ConfigError } from '../core/config/configError';
import { createLogger } from '../core/log/logger';
import { createAesGcmFileCipher } from '../core/secrets/aesGcmFileCipher';
import { resolveStartup } from '../core/startup';
import { parseShellArgs } from './shellArgs';
import { startShellServer } from './shellServer';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseShellArgs(argv, process.env);
  const log = createLogger({ file: join(args.dataDir, 'logs', 'softphone.log') });
  const startup = await resolveStartup(argv, process.env);
  for (const secret of Object.values(startup.ephemeralSecrets)) log.addSecretValue(secret);
  const core = await createCore({
    config: startup.config,
    sandbox: startup.sandbox,
    dataDir: args.dataDir,
    cipher: createAesGcmFileCipher(join(args.dataDir, 'secret.key')),
    log,
    ephemeralSecrets: startup.ephemeralSecrets,
  });
  const server = await startShellServer({
    core,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    port: args.port,
    log,
  });
  process.stdout.write(`Softphone ready at ${server.url}\n`);
  process.stdout.write(`${startup.banner}\n`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await core.dispose();
    await startup.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
