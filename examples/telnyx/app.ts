/**
 * The application behind the gateway: the endpoint Consent Gate relays
 * Telnyx's webhooks to (TELNYX_APP_URL, or the call's own `webhook_url`).
 * It verifies them with the telnyx SDK exactly as it would behind Telnyx
 * directly — the gateway relays the raw body and Telnyx's signature headers
 * untouched — and reads what the gateway did from `x-consent-gate-*` headers.
 *
 *   TELNYX_PUBLIC_KEY=… PORT=3000 npx tsx examples/telnyx/app.ts
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import Telnyx from 'telnyx';

export type Verify = (rawBody: string, headers: Record<string, string>) => Promise<unknown>;

/** The SDK's check: ed25519 over `timestamp|body` with your account's public key, timestamp within 5 minutes of now. */
export function sdkVerifier(publicKey: string): Verify {
  const client = new Telnyx({ apiKey: 'not-used-for-verification', publicKey });
  return (rawBody, headers) => client.webhooks.unwrap(rawBody, { headers });
}

async function rawBodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function exampleApp(verify: Verify, log: (line: string) => void = console.log): Server {
  return createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/telnyx/events') return void res.writeHead(404).end();
    const raw = await rawBodyOf(req);
    let event: { data?: { event_type?: string; payload?: Record<string, unknown> } };
    try {
      event = (await verify(raw, req.headers as Record<string, string>)) as typeof event;
    } catch (err) {
      log(`app: refused a webhook (${(err as Error).message})`);
      return void res.writeHead(403).end();
    }
    const did = Object.entries(req.headers)
      .filter(([k]) => k.startsWith('x-consent-gate-'))
      .map(([k, v]) => `${k.slice('x-consent-gate-'.length)}=${v}`)
      .join(' ');
    log(`app: ${event.data?.event_type}${did ? `  (gateway: ${did})` : ''}`);
    // On call.answered the gateway has already asked Telnyx to speak the disclosure; anything the
    // app speaks now is queued behind it. A stream or an assistant asked for in the dial is started by
    // the gateway once the disclosure has been said.
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const key = process.env.TELNYX_PUBLIC_KEY;
  if (!key) throw new Error('set TELNYX_PUBLIC_KEY (Mission Control → Keys & Credentials → Public Key)');
  const port = Number(process.env.PORT ?? 3000);
  exampleApp(sdkVerifier(key)).listen(port, () => console.log(`app listening on :${port}, webhooks at /telnyx/events`));
}
