import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { ConfigError } from '../core/config/configError';
import { startFailureMessage } from './startFailure';

const LOG = '/home/agent/.config/Agent Softphone/logs/softphone.log';

describe('startFailureMessage', () => {
  it('shows a configuration error as is, with its JSON paths', () => {
    const error = new ConfigError('/etc/softphone.json', ['profiles[1].baseUrl: must be an https URL']);
    const message = startFailureMessage(error, LOG);
    expect(message.title).toBe('Agent Softphone: invalid configuration');
    expect(message.body).toBe(error.message);
    expect(message.body).toContain('profiles[1].baseUrl');
  });

  it('adds the hint of an AppError and points at the log', () => {
    const error = new AppError({ code: 'NETWORK', message: 'The sandbox could not listen on 127.0.0.1.', hint: 'Close the other copy.' });
    expect(startFailureMessage(error, LOG)).toEqual({
      title: 'Agent Softphone could not start',
      body: `The sandbox could not listen on 127.0.0.1.\n\nClose the other copy.\n\nDetails are in ${LOG}`,
    });
  });

  it('names the reason of any other failure and points at the log', () => {
    expect(startFailureMessage(new Error('EACCES: permission denied, mkdir'), LOG).body).toBe(
      `EACCES: permission denied, mkdir\n\nDetails are in ${LOG}`,
    );
  });
});
