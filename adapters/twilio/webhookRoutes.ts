/**
 * `/twilio/voice`, `/twilio/sms`, `/twilio/status`, `/twilio/transcription`: Twilio's webhooks,
 * validated before anything else happens. A missing or bad
 * `X-Twilio-Signature` is 403: nothing is relayed, nothing revoked, and the
 * failure is counted. The URL checked is PUBLIC_BASE_URL + the path and
 * query Twilio called, which is what Twilio signed.
 */
import { Router, type Request, type Response } from 'express';
import { maskPhone } from '../../src/domain/phone';
import { readBody } from '../../src/http/rawBody';
import { AppError, BodyTooLargeError, CodedError, ForgedTokenError, MalformedFormError, OptOutNotRecordedError } from '../../src/errors';
import { isFormContentType, paramsOf, parseForm } from '../shared/form';
import { TOKEN_PARAM, WEBHOOK_PATHS, type TwilioContext } from './context';
import { isValidTwilioSignature } from './signature';
import { handleVoice } from './voiceWebhook';
import { handleSms } from './smsWebhook';
import { handleStatus } from './statusWebhook';
import { handleTranscription } from './transcriptionWebhook';
import type { TwilioWebhook, WebhookAnswer } from './webhook';

const WEBHOOK_BODY_LIMIT = 64 * 1024;

function refuse(res: Response, status: number, message: string): void {
  res.status(status).type('text/plain').send(message);
}

export function twilioWebhookRouter(t: TwilioContext): Router {
  const router = Router();
  const handlers: Record<string, (t: TwilioContext, w: TwilioWebhook) => Promise<WebhookAnswer>> = {
    [WEBHOOK_PATHS.voice]: handleVoice,
    [WEBHOOK_PATHS.sms]: handleSms,
    [WEBHOOK_PATHS.status]: handleStatus,
    [WEBHOOK_PATHS.transcription]: handleTranscription,
  };
  for (const [path, handler] of Object.entries(handlers)) {
    router.all(path, async (req: Request, res: Response) => {
      if (req.method !== 'POST' && req.method !== 'GET') return refuse(res, 405, 'method not allowed');
      const failSignature = (why: string) => {
        t.metrics.webhookSignatureFailures.inc({ carrier: 'twilio' });
        t.logger.warn({ path, why }, 'twilio webhook refused');
        refuse(res, 403, 'Twilio signature validation failed');
      };
      // Without the auth token no signature can be checked, and an unchecked webhook could revoke or relay anything.
      if (!t.authToken) return failSignature('TWILIO_AUTH_TOKEN is not configured');
      const url = new URL(req.originalUrl, 'http://placeholder');
      let pairs: [string, string][];
      if (req.method === 'POST') {
        if (!isFormContentType(req.headers['content-type'])) return failSignature('not a form body');
        try {
          pairs = parseForm((await readBody(req, WEBHOOK_BODY_LIMIT)).toString('utf8')).pairs;
        } catch (err) {
          if (err instanceof BodyTooLargeError) return refuse(res, 413, 'webhook body too large');
          if (err instanceof MalformedFormError) return refuse(res, 400, `malformed webhook body: ${err.message}`);
          throw err;
        }
      } else {
        pairs = [];
      }
      const signedUrl = t.publicBaseUrl + req.originalUrl;
      const signature = req.get('x-twilio-signature');
      if (!isValidTwilioSignature(t.authToken, signature, signedUrl, paramsOf(pairs))) return failSignature(signature ? 'bad signature' : 'no signature');

      const token = url.searchParams.get(TOKEN_PARAM) ?? undefined;
      const query = new URLSearchParams(url.searchParams);
      query.delete(TOKEN_PARAM);
      // A GET webhook carries Twilio's parameters in the query string (signed as part of the URL).
      // It is relayed the same way, so the query moves into the parameters.
      const isGet = req.method === 'GET';
      if (isGet) pairs = [...query] as [string, string][];
      const webhook: TwilioWebhook = {
        path,
        method: isGet ? 'GET' : 'POST',
        pairs,
        params: paramsOf(pairs),
        query: isGet ? new URLSearchParams() : query,
        token,
        headers: req.headers,
      };
      try {
        const answer = await handler(t, webhook);
        res.status(answer.status).type(answer.contentType).send(answer.body);
      } catch (err) {
        t.logger.error({ path, err: (err as Error).message, from: maskPhone(String(webhook.params.From ?? '')) }, 'twilio webhook failed');
        refuse(res, failureStatus(err), 'webhook could not be handled');
      }
    });
  }
  return router;
}

/**
 * The status a failed webhook answers. A forged token is refused (403); an opt-out neither stored
 * nor queued asks Twilio to redeliver (503); a /v1 error keeps its own. Every other kind of ours is
 * the gateway's failure (500), whatever its status would mean on /v1.
 */
function failureStatus(err: unknown): number {
  if (err instanceof ForgedTokenError || err instanceof OptOutNotRecordedError || err instanceof AppError) return err.status;
  if (err instanceof CodedError) return 500;
  return (err as { status?: number }).status ?? 500;
}
