/** A vendor body as JSON, or undefined when it is not JSON (the zod schema then reports it). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
