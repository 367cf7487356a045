import { z } from 'zod';

export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_SUPPORTED',
  'VALIDATION',
  'VENDOR_REJECTED',
  'AUTH_FAILED',
  'RATE_LIMITED',
  'OUTCOME_UNKNOWN',
  'NETWORK',
  'DUPLICATE_INTENT',
  'INTERNAL',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The one error shape that crosses the process boundary. */
export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** The vendor's own words, verbatim, when the vendor said something. */
  vendorMessage: z.string().optional(),
  /** What the user can do about it. */
  hint: z.string().optional(),
  /** For validation errors: where in the request. */
  path: z.string().optional(),
});
export type AppErrorData = z.infer<typeof AppErrorSchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly vendorMessage: string | undefined;
  readonly hint: string | undefined;
  readonly path: string | undefined;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'AppError';
    this.code = data.code;
    this.vendorMessage = data.vendorMessage;
    this.hint = data.hint;
    this.path = data.path;
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.vendorMessage !== undefined ? { vendorMessage: this.vendorMessage } : {}),
      ...(this.hint !== undefined ? { hint: this.hint } : {}),
      ...(this.path !== undefined ? { path: this.path } : {}),
    };
  }
}

export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: 'INTERNAL', message: 'Something went wrong inside the softphone. The details are in the log.' };
}
