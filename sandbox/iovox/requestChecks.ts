import { IOVOX_ERRORS, type IovoxError } from './errorResponses';

/** `v` must be present and 3 (checked before anything about the request itself). */
export function checkApiVersion(version: string | null): IovoxError | undefined {
  if (version === null || version.trim() === '') return IOVOX_ERRORS.versionEmpty;
  if (version.trim() !== '3') return IOVOX_ERRORS.versionInvalid;
  return undefined;
}

/** Each interface answers one `method` with one HTTP method. */
export function checkMethods(
  expected: { apiMethod: string; httpMethod: string },
  actual: { apiMethod: string | null; httpMethod: string },
): IovoxError | undefined {
  if (actual.apiMethod !== expected.apiMethod) return IOVOX_ERRORS.methodInvalid;
  if (actual.httpMethod !== expected.httpMethod) return IOVOX_ERRORS.requestMethod(expected.httpMethod, actual.httpMethod);
  return undefined;
}
