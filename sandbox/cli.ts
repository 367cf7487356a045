import { startSandbox } from './index';

/** `npm run sandbox [-- --port-base N]`: the five emulators, standalone, until Ctrl+C. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const index = argv.indexOf('--port-base');
  const raw = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--port-base='))?.split('=')[1];
  const portBase = raw === undefined ? undefined : Number(raw);
  if (portBase !== undefined && (!Number.isInteger(portBase) || portBase < 1 || portBase > 65530)) {
    console.error(`--port-base must be a port number between 1 and 65530, not "${raw}"`);
    process.exit(2);
  }
  const sandbox = await startSandbox(portBase === undefined ? {} : { portBase });
  // The first line is machine-readable (DESIGN §5); the rest is for people.
  console.log(JSON.stringify(sandbox.urls));
  console.log('Sandbox emulators running on 127.0.0.1 (no real calls). Control API: see sandbox/README.md. Ctrl+C stops them.');
  const stop = async (): Promise<void> => {
    await sandbox.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
