/**
 * The user's arguments. Unpackaged, Electron's argv is [electron, appDir, ...args]; a packaged
 * app's is [app, ...args].
 */
export function userArguments(argv: readonly string[], isPackaged: boolean): string[] {
  return argv.slice(isPackaged ? 1 : 2);
}

/** `--data-dir DIR`: where secrets, history, settings and logs go instead of Electron's userData. */
export function dataDirArgument(args: readonly string[]): string | undefined {
  const index = args.indexOf('--data-dir');
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
}
