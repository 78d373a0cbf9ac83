/**
 * An outbound AI call (Call Control dial) and a text with the official telnyx
 * SDK, through Consent Gate. The only Consent Gate-specific line is `baseURL`
 * (or set TELNYX_BASE_URL and change no code at all).
 *
 *   TELNYX_API_KEY=KEY… CONNECTION_ID=… FROM=+1… TO=+1… npx tsx examples/telnyx/outbound.ts
 *
 * Env: CONSENT_GATE_URL (default http://localhost:8080), FROM (a number mapped
 * to an entity in the gateway's config), TO (the consumer), CONNECTION_ID (your
 * Call Control application).
 */
import Telnyx from 'telnyx';

export interface OutboundOptions {
  apiKey: string;
  gatewayUrl: string;
  connectionId: string;
  from: string;
  to: string;
  log?: (line: string) => void;
}

/** Each attempt: its id (call_control_id, message id), or `refused:<reason>`. */
export async function runOutbound(o: OutboundOptions): Promise<{ call: string; sms: string }> {
  const log = o.log ?? ((l: string) => console.log(l));
  const client = new Telnyx({ apiKey: o.apiKey, baseURL: `${o.gatewayUrl}/v2` }); // ← every dial and text now passes the consent gate

  const attempt = async (what: string, run: () => Promise<string>): Promise<string> => {
    try {
      const id = await run();
      log(`${what}: placed ${id}`);
      return id;
    } catch (err) {
      if (!(err instanceof Telnyx.APIError)) throw err;
      // A refusal is an ordinary Telnyx API error (PermissionDeniedError, ConflictError for 40300…),
      // final (the SDK does not retry it); `meta` carries the gate's reason and decision.
      const [e] = (err.error as { errors?: { code: string; title: string; meta?: { reason?: string; decision_id?: string } }[] })?.errors ?? [];
      log(`${what}: refused — ${err.constructor.name} ${err.status}, code ${e?.code} "${e?.title}"`);
      if (e?.meta?.decision_id) log(`  reason ${e.meta.reason}, decision ${e.meta.decision_id}`);
      return `refused:${e?.meta?.reason ?? err.status}`;
    }
  };

  const call = await attempt('call', async () => (await client.calls.dial({ connection_id: o.connectionId, from: o.from, to: o.to })).data!.call_control_id);
  const sms = await attempt('text', async () =>
    String((await client.messages.send({ from: o.from, to: o.to, text: 'Your quote is ready. Reply STOP to opt out.' })).data?.id),
  );
  return { call, sms };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const need = (k: string): string => {
    const v = process.env[k];
    if (!v) throw new Error(`set ${k}`);
    return v;
  };
  runOutbound({
    apiKey: need('TELNYX_API_KEY'),
    gatewayUrl: process.env.CONSENT_GATE_URL ?? 'http://localhost:8080',
    connectionId: need('CONNECTION_ID'),
    from: need('FROM'),
    to: need('TO'),
  }).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
