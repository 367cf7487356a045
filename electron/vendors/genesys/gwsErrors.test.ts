import { describe, expect, it } from 'vitest';
import { errorFromStatus, outcomeUnknown } from './gwsErrors';

describe('errorFromStatus', () => {
  const table: Array<[number, string | undefined, { code: string; message: string; vendorMessage?: string; hint?: string }]> = [
    [20, 'Access denied', { code: 'AUTH_FAILED', message: 'Sign-in refused by Genesys: Access denied', vendorMessage: 'Access denied', hint: 'Check the username and password of this Genesys profile in Settings.' }],
    [8, undefined, { code: 'AUTH_FAILED', message: 'Sign-in refused by Genesys: Change password demanded.' }],
    [3, 'Forbidden', { code: 'FORBIDDEN', message: 'Sign-in refused by Genesys: Forbidden', vendorMessage: 'Forbidden' }],
    [5, undefined, { code: 'FORBIDDEN', message: 'Sign-in refused by Genesys: The user does not have permission to perform this operation.' }],
    [6, 'Call not found', { code: 'NOT_FOUND', message: 'Sign-in refused by Genesys: Call not found', vendorMessage: 'Call not found' }],
    [4, "Device '5001' is not registered.", { code: 'VENDOR_REJECTED', message: "Sign-in refused by Genesys: Device '5001' is not registered.", vendorMessage: "Device '5001' is not registered." }],
    [2, undefined, { code: 'VENDOR_REJECTED', message: 'Sign-in refused by Genesys: A specified parameter is not valid for the current state.' }],
    [99, undefined, { code: 'VENDOR_REJECTED', message: 'Sign-in refused by Genesys: status code 99' }],
  ];

  it.each(table)('statusCode %i (%s)', (statusCode, statusMessage, expected) => {
    const error = errorFromStatus('Sign-in', statusCode, statusMessage);
    expect(error.toData()).toMatchObject(expected);
    if (statusMessage === undefined) expect(error.vendorMessage).toBeUndefined();
  });

  it('has no hint where there is nothing to suggest', () => {
    expect(errorFromStatus('Dial', 99, undefined).hint).toBeUndefined();
  });
});

describe('outcomeUnknown', () => {
  it('says the call may have been placed and where to look', () => {
    expect(outcomeUnknown('Dial', 'HTTP 503', 'Service Unavailable').toData()).toEqual({
      code: 'OUTCOME_UNKNOWN',
      message: 'Dial got no clear answer from Genesys (HTTP 503): the call may have been placed.',
      vendorMessage: 'Service Unavailable',
      hint: 'Check the Active calls panel before dialling again; the softphone is re-reading the calls from Genesys.',
    });
  });
});
