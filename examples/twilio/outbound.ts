/**
 * An outbound AI call and a text with the official twilio SDK, through
 * Consent Gate. The only Consent Gate-specific line is `client.api.baseUrl`.
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… FROM=+1… TO=+1… \
 *   VOICE_URL=https://your-app.example/voice npx tsx examples/twilio/outbound.ts
 *
 * Env: CONSENT_GATE_URL (default http://localhost:8080), FROM (a number mapped
 * to an entity in the gateway's config), TO (the consumer), VOICE_URL (your
 * TwiML), optional CONSENT_ENTITY / CONSENT_CALL_TYPE to override the config
 * per request with the X-Consent-* headers.
 */
import twilio from 'twilio';

export interface OutboundOptions {
  accountSid: string;
  authToken: string;
  gatewayUrl: string;
  from: string;
  to: string;
  voiceUrl: string;
  log?: (line: string) => void;
}

/** What happened to each attempt: created (with its sid) or refused (with the gateway's reason). */
export async function runOutbound(o: OutboundOptions): Promise<{ call: string; sms: string }> {
  const log = o.log ?? ((l: string) => console.log(l));
  const client = twilio(o.accountSid, o.authToken);
  client.api.baseUrl = o.gatewayUrl; // ← the one line: every call and text now passes the consent gate

  const outcome = async (what: string, attempt: () => Promise<{ sid: string }>): Promise<string> => {
    try {
      const created = await attempt();
      log(`${what}: created ${created.sid}`);
      return created.sid;
    } catch (err) {
      // Blocked by the gate: a normal twilio RestException; `details` carries the decision.
      const e = err as { status?: number; code?: number; message: string; details?: { reason?: string; decision_id?: string } };
      log(`${what}: refused (HTTP ${e.status}, code ${e.code}) ${e.message}`);
      if (e.details?.decision_id) log(`  decision ${e.details.decision_id}, reason ${e.details.reason}`);
      return `refused:${e.details?.reason ?? e.code}`;
    }
  };

  const call = await outcome('call', () => client.calls.create({ to: o.to, from: o.from, url: o.voiceUrl }));
  const sms = await outcome('sms', () => client.messages.create({ to: o.to, from: o.from, body: 'Your quote is ready. Reply STOP to opt out.' }));
  return { call, sms };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const need = (k: string) => {
    const v = process.env[k];
    if (!v) {
      console.error(`set ${k}`);
      process.exit(2);
    }
    return v;
  };
  runOutbound({
    accountSid: need('TWILIO_ACCOUNT_SID'),
    authToken: need('TWILIO_AUTH_TOKEN'),
    gatewayUrl: process.env.CONSENT_GATE_URL ?? 'http://localhost:8080',
    from: need('FROM'),
    to: need('TO'),
    voiceUrl: need('VOICE_URL'),
  }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
