import { AppError } from '../../../shared/errors';
import type { Logger } from '../adapter';
import { TransportError, type HttpClient, type HttpResponse } from '../http/httpClient';
import { callDetailError, createCallError, createCallTransportError } from './httpErrors';
import type { CallRequestBody } from './requestBody';
import { VccCallSchema, type VccCall } from './responses';
import type { TokenCache } from './tokenCache';
import { parseJsonText } from './jsonText';

export interface CallsApiOptions {
  http: HttpClient;
  tokens: TokenCache;
  baseUrl: string;
  accountKey: string;
  timeoutMs: number;
  log: Logger;
}

/** 201 with a readable call object, or 201 whose body could not be read (the call exists, untracked). */
export type CreatedCall = { call: VccCall } | { call: undefined };


/** VCC's Calls API v0: make a call and read its detail, with the bearer token and its one 401 retry. */
export class VccCallsApi {
  private readonly callsUrl: string;

  constructor(private readonly options: CallsApiOptions) {
    this.callsUrl = `${options.baseUrl.replace(/\/+$/, '')}/v0/${encodeURIComponent(options.accountKey)}/calls/`;
  }

  /**
   * `POST …/calls/`, sent at most twice and only when VCC answered 401 the first time. A
   * timeout, dropped connection or 5xx is never repeated: it becomes OUTCOME_UNKNOWN.
   */
  async createCall(body: CallRequestBody): Promise<CreatedCall> {
    const payload = JSON.stringify(body);
    let response: HttpResponse;
    try {
      response = await this.options.tokens.withToken((token) =>
        this.options.http.request({
          method: 'POST',
          url: this.callsUrl,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            accept: 'application/json;version=6',
          },
          body: payload,
          timeoutMs: this.options.timeoutMs,
        }),
      );
    } catch (error) {
      if (error instanceof TransportError) throw createCallTransportError(error);
      throw error;
    }
    this.options.log.debug('vonage: make call answered', { status: response.status });
    if (response.status < 200 || response.status >= 300) throw createCallError(response);
    const parsed = VccCallSchema.safeParse(parseJsonText(response.text));
    if (!parsed.success) {
      this.options.log.warn('vonage: make call answered without a readable call object', { status: response.status });
      return { call: undefined };
    }
    return { call: parsed.data };
  }

  /** `GET …/calls/{callGuid}`; throws AppError (NOT_FOUND, AUTH_FAILED, RATE_LIMITED, NETWORK, VENDOR_REJECTED). */
  async getCall(callId: string): Promise<VccCall> {
    let response: HttpResponse;
    try {
      response = await this.options.tokens.withToken((token) =>
        this.options.http.request({
          method: 'GET',
          url: `${this.callsUrl}${encodeURIComponent(callId)}`,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json;version=3' },
          timeoutMs: this.options.timeoutMs,
        }),
      );
    } catch (error) {
      if (error instanceof TransportError) {
        throw new AppError({ code: 'NETWORK', message: `Cannot read call status from Vonage Contact Center (${error.message}).` });
      }
      throw error;
    }
    if (response.status !== 200) throw callDetailError(response);
    const parsed = VccCallSchema.safeParse(parseJsonText(response.text));
    if (!parsed.success) {
      throw new AppError({ code: 'VENDOR_REJECTED', message: 'Vonage Contact Center answered a call-status request with something the softphone cannot read.' });
    }
    return parsed.data;
  }
}
