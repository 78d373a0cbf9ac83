/** A Twilio webhook as the handlers see it, parsed and validated, and what they answer. */
import type { IncomingHttpHeaders } from 'node:http';
import type { FormParams } from '../shared/form';

/** A webhook's parameters, and the request they came in. */
export interface TwilioWebhook {
  path: string;
  method: 'GET' | 'POST';
  pairs: [string, string][];
  params: FormParams;
  /** The query Twilio called, without our token (relayed to the application as is). */
  query: URLSearchParams;
  /** Our signed token, when the URL is one the gateway minted. */
  token: string | undefined;
  headers: IncomingHttpHeaders;
}

export interface WebhookAnswer {
  status: number;
  contentType: string;
  body: string;
}

export function twiml(body: string): WebhookAnswer {
  return { status: 200, contentType: 'text/xml; charset=utf-8', body };
}
