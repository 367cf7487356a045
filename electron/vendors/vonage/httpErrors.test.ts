import { describe, expect, it } from 'vitest';
import { TransportError } from '../http/httpClient';
import { callDetailError, createCallError, createCallTransportError, tokenError, vendorWords } from './httpErrors';

const body = (message: string): string => JSON.stringify({ message });

describe('vendorWords', () => {
  it.each([
    [body('Ccxml must be enabled for this account'), 'Ccxml must be enabled for this account'],
    ['{"error":"invalid_client"}', 'invalid_client'],
    ['{"error":"invalid_client","error_description":"Bad secret"}', 'invalid_client: Bad secret'],
    ['  Service Unavailable  ', 'Service Unavailable'],
    ['', undefined],
  ])('%s → %s', (text, words) => {
    expect(vendorWords({ status: 400, text })).toBe(words);
  });
});

describe('createCallError', () => {
  it.each([
    [400, body('Unable to place call - Agent number busy'), 'VENDOR_REJECTED', 'The calling agent is busy.'],
    [400, body('The request is invalid.'), 'VENDOR_REJECTED', 'Vonage Contact Center refused the call request.'],
    [415, body("The requested resource does not support content type 'multipart/form-data'."), 'VENDOR_REJECTED', 'Vonage Contact Center did not accept the request’s content type.'],
    [401, body('Authorization has been denied for this request.'), 'AUTH_FAILED', 'Vonage Contact Center refused the access token.'],
    [404, '', 'VENDOR_REJECTED', 'Vonage Contact Center has no Calls API at this address for this account.'],
    [429, body('Too Many Requests'), 'RATE_LIMITED', 'Vonage Contact Center is receiving too many requests.'],
    [409, '', 'VENDOR_REJECTED', 'Vonage Contact Center refused the call request (HTTP 409).'],
    [500, body('An error has occurred.'), 'OUTCOME_UNKNOWN', 'Vonage Contact Center answered HTTP 500 while placing the call: it may or may not have been placed.'],
    [302, '', 'OUTCOME_UNKNOWN', 'Vonage Contact Center answered HTTP 302 while placing the call: it may or may not have been placed.'],
  ])('HTTP %i %s → %s', (status, text, code, message) => {
    const error = createCallError({ status, text });
    expect(error).toMatchObject({ code, message });
    if (text !== '') expect(error.vendorMessage).toBe(JSON.parse(text).message);
  });

  it('keeps the 415 message verbatim', () => {
    const message = "The requested resource does not support content type 'multipart/form-data'.";
    expect(createCallError({ status: 415, text: body(message) }).vendorMessage).toBe(message);
  });
});

describe('createCallTransportError', () => {
  it.each([
    [new TransportError('timeout', true, 'No answer within 15 s'), 'OUTCOME_UNKNOWN'],
    [new TransportError('network', true, 'Connection lost (ECONNRESET)'), 'OUTCOME_UNKNOWN'],
    [new TransportError('connection-refused', false, 'Cannot connect (ECONNREFUSED)'), 'NETWORK'],
  ])('%s → %s', (error, code) => {
    expect(createCallTransportError(error).code).toBe(code);
  });
});

describe('callDetailError and tokenError', () => {
  it.each([
    [404, 'NOT_FOUND'],
    [401, 'AUTH_FAILED'],
    [429, 'RATE_LIMITED'],
    [503, 'NETWORK'],
  ])('call detail HTTP %i → %s', (status, code) => {
    expect(callDetailError({ status, text: '' }).code).toBe(code);
  });

  it.each([
    [401, 'AUTH_FAILED'],
    [400, 'AUTH_FAILED'],
    [429, 'RATE_LIMITED'],
    [500, 'NETWORK'],
  ])('token HTTP %i → %s', (status, code) => {
    expect(tokenError({ status, text: '{"error":"invalid_client"}' })).toMatchObject({ code, vendorMessage: 'invalid_client' });
  });
});
