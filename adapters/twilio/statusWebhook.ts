/**
 * `/twilio/status`: call and message status callbacks, relayed to the
 * application. A gated call's callbacks carry the gateway's token and go to
 * its call record (statusCallbacks.ts); any other outcome is logged (call/message
 * sid, status, error code), not recorded.
 */
import { first } from '../shared/form';
import { appWebhookUrl, callTwilioApp } from './appRequests';
import type { TwilioContext } from './context';
import { handleGatedStatus } from './statusCallbacks';
import { TOKEN_KINDS, type StatusClaims } from './tokens';
import { ForgedTokenError } from '../../src/errors';
import type { TwilioWebhook, WebhookAnswer } from './webhook';

export async function handleStatus(t: TwilioContext, w: TwilioWebhook): Promise<WebhookAnswer> {
  if (w.token !== undefined) {
    const claims = t.signer.verify<StatusClaims>(TOKEN_KINDS.status, w.token);
    if (!claims) {
      t.metrics.webhookSignatureFailures.inc({ carrier: 'twilio' });
      throw new ForgedTokenError('gateway token invalid, altered or expired');
    }
    return handleGatedStatus(t, w, claims);
  }
  const p = w.params;
  t.logger.info(
    {
      call_sid: first(p, 'CallSid'),
      message_sid: first(p, 'MessageSid'),
      status: first(p, 'CallStatus') ?? first(p, 'MessageStatus'),
      error_code: first(p, 'ErrorCode'),
      duration: first(p, 'CallDuration'),
    },
    'twilio status callback',
  );
  const url = appWebhookUrl(t, w.path, w.query);
  if (url) {
    const answer = await callTwilioApp(t, { url, method: w.method, pairs: w.pairs, params: w.params, inboundHeaders: w.headers });
    if (answer.ok) return { status: answer.status, contentType: answer.contentType ?? 'text/plain', body: answer.body };
    t.logger.warn({ why: answer.message }, 'twilio status: application did not take the callback');
  }
  // Twilio only needs a 2xx; an empty TwiML document is the conventional one.
  return { status: 200, contentType: 'text/xml; charset=utf-8', body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' };
}
