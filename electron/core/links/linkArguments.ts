/**
 * The links among a process's arguments: Windows and Linux start the app (or a second
 * instance of it) with the tel:/callto: link as an argument.
 */
export function linksInArguments(argv: readonly string[]): string[] {
  return argv.filter((arg) => /^(?:tel|callto):/i.test(arg));
}
