/**
 * An AI voice agent on any platform, streaming one call's transcript to
 * Consent Gate's agent stream and ending the call when the consumer opts out.
 *
 *   GATEWAY_URL=http://localhost:8080 CONSENT_GATE_API_KEY=cg_live_… npx tsx examples/agent-stream/agent.ts
 *
 * In a real agent the `transcript` frames come from your speech recogniser
 * (send only final results with is_final: true, or partials too — the gateway
 * ignores partials) and `say` goes to your text-to-speech before hanging up.
 */
import WebSocket from 'ws';

export interface AgentRun {
  /** What the agent would do when the gateway says the consumer opted out. */
  optOut: { revocation_id: string | null; honor_by_date: string; say: string } | null;
  errors: unknown[];
}

const CALL = [
  {
    speaker: 'agent',
    text: 'Hi, this is an AI assistant calling on behalf of Acme Insurance LLC. If you would like to opt out at any time, just say stop or press 9.',
  },
  { speaker: 'customer', text: 'uh who is this', partial: 'uh who' },
  { speaker: 'agent', text: 'I am calling about your home insurance renewal.' },
  { speaker: 'customer', text: 'yeah no just take me off your list', partial: 'yeah no just take' },
];

export async function runAgent(gatewayUrl: string, apiKey: string, phone = '+12125550143', log: (line: string) => void = console.log): Promise<AgentRun> {
  const ws = new WebSocket(gatewayUrl.replace(/^http/, 'ws') + '/v1/stream', { headers: { Authorization: `Bearer ${apiKey}` } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const run: AgentRun = { optOut: null, errors: [] };
  const callId = `call-${Date.now()}`;
  const ended = new Promise<void>((resolve) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'opt_out' && frame.call_id === callId) {
        run.optOut = { revocation_id: frame.revocation_id, honor_by_date: frame.honor_by_date, say: frame.say };
        log(`gateway: consumer opted out (${frame.revocation_id}, honor by ${frame.honor_by_date})`);
        log(`agent says: "${frame.say}" and hangs up`);
        resolve();
      } else if (frame.type === 'confirm_opt_out' && frame.call_id === callId) {
        // The consumer may have meant "stop calling me" ("I'm not interested"): ask, and keep streaming the answer.
        log(`agent asks: "${frame.say}"`);
      } else if (frame.type === 'error') {
        run.errors.push(frame);
        log(`gateway error: ${frame.code} ${frame.message}`);
      }
    });
    ws.once('close', () => resolve());
  });
  const send = (frame: unknown) => ws.send(JSON.stringify(frame));
  send({ type: 'start', call_id: callId, phone, calling_entity: 'Acme Insurance LLC' });
  for (const turn of CALL) {
    if (turn.partial) send({ type: 'transcript', call_id: callId, text: turn.partial, is_final: false, speaker: turn.speaker });
    send({ type: 'transcript', call_id: callId, text: turn.text, is_final: true, speaker: turn.speaker });
    log(`${turn.speaker}: ${turn.text}`);
  }
  await Promise.race([ended, new Promise((r) => setTimeout(r, 5000))]);
  send({ type: 'stop', call_id: callId });
  ws.close();
  return run;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.GATEWAY_URL ?? 'http://localhost:8080';
  const key = process.env.CONSENT_GATE_API_KEY;
  if (!key) {
    console.error('set CONSENT_GATE_API_KEY to a key with the revoke scope');
    process.exit(2);
  }
  runAgent(url, key, process.env.PHONE).then(
    (run) => process.exit(run.optOut ? 0 : 1),
    (err) => {
      console.error(`could not reach the gateway at ${url}: ${(err as Error).message}`);
      process.exit(3);
    },
  );
}
