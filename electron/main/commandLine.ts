/**
 * The user's arguments. Unpackaged, Electron's argv is [electron, appDir, ...args]; a packaged
 * app's is [app, ...args].
 */
export function userArguments(argv: readonly string[], isPackaged: boolean): string[] {
  return argv.slice(isPackaged ? 1 : 2);
}
