import { AppError } from '../../shared/errors';
import { ConfigError } from '../core/config/configError';

export interface StartFailureMessage {
  title: string;
  body: string;
}

/**
 * What the user is told when the app cannot start. A configuration error is shown as is: its
 * message names each JSON path and the reason.
 */
export function startFailureMessage(error: unknown, logFile: string): StartFailureMessage {
  if (error instanceof ConfigError) {
    return { title: 'Agent Softphone: invalid configuration', body: error.message };
  }
  const reason = error instanceof Error ? error.message : String(error);
  const hint = error instanceof AppError && error.hint !== undefined ? `\n\n${error.hint}` : '';
  return {
    title: 'Agent Softphone could not start',
    body: `${reason}${hint}\n\nDetails are in ${logFile}`,
  };
}
