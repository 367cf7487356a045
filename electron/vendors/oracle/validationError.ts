import { AppError } from '../../../shared/errors';

/** A dial the softphone refuses before anything is sent. */
export function invalidDial(path: string, message: string, hint?: string): AppError {
  return new AppError({ code: 'VALIDATION', message, path, ...(hint !== undefined ? { hint } : {}) });
}
