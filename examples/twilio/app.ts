/**
 * The application side: the webhooks Consent Gate relays to TWILIO_APP_URL
 * (`/twilio/voice`, `/twilio/sms`, `/twilio/status`) and the TwiML the call's
 * `Url` returns. It validates `X-Twilio-Signature` with twilio's own helper
 * exactly as it would behind Twilio directly: the gateway re-signs every
 * request for this app's URL with the same auth token.
 *
 *   TWILIO_AUTH_TOKEN=… PUBLIC_APP_URL=http://localhost:3000 npx tsx examples/twilio/app.ts
 */
import express from 'express';
import twilio from 'twilio';

export function exampleApp(authToken: string, publicUrl: string): express.Express {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  // The URL the gateway signed for is this app's public URL + path, as with Twilio itself.
  const verified = (req: express.Request) =>
    twilio.validateRequest(authToken, req.get('x-twilio-signature') ?? '', publicUrl + req.originalUrl, req.method === 'POST' ? req.body : {});

  app.all('/voice', (req, res) => {
    if (!verified(req)) return void res.status(403).send('bad signature');
    const r = new twilio.twiml.VoiceResponse();
    // The gateway speaks the AI disclosure before this; nothing to add here.
    r.say('Thanks for taking our call. An agent will be with you shortly.');
    res.type('text/xml').send(r.toString());
  });
  app.post('/twilio/sms', (req, res) => {
    if (!verified(req)) return void res.status(403).send('bad signature');
    const r = new twilio.twiml.MessagingResponse();
    // After a STOP the gateway drops this reply and sends the one confirmation the FCC allows.
    r.message('Thanks! A person will get back to you soon.');
    res.type('text/xml').send(r.toString());
  });
  app.post('/twilio/status', (req, res) => {
    if (!verified(req)) return void res.status(403).send('bad signature');
    console.log('status', req.body.CallSid ?? req.body.MessageSid, req.body.CallStatus ?? req.body.MessageStatus);
    res.sendStatus(204);
  });
  return app;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const token = process.env.TWILIO_AUTH_TOKEN;
  if (!token) throw new Error('set TWILIO_AUTH_TOKEN');
  const port = Number(process.env.PORT ?? 3000);
  exampleApp(token, process.env.PUBLIC_APP_URL ?? `http://localhost:${port}`).listen(port, () => console.log(`example app on :${port}`));
}
