/** A real gateway asking the Lookup emulator, with helpers to capture consents and ask for decisions over HTTP. */
import { FixedClock } from '../../src/gate/clock';
import { TwilioLookupEmulator } from '../emulators/twilioLookup';
import { startTestGateway } from '../support/gateway';

export const ENTITY = 'Acme Insurance LLC';
// 10:00 in New York: inside every calling and texting window.
export const NOW = '2026-12-05T15:00:00Z';
/** 65 days before NOW: past REASSIGNED_CHECK_AFTER_DAYS. */
export const OLD_CONSENT = '2026-10-01T12:00:00Z';
/** 15 days before NOW. */
export const YOUNG_CONSENT = '2026-11-20T12:00:00Z';
export const ACCOUNT_SID = `AC${'0'.repeat(31)}1`;
export const AUTH_TOKEN = 'lookup-test-auth-token';

export async function startLookupEmulator(): Promise<TwilioLookupEmulator> {
  return new TwilioLookupEmulator({ user: ACCOUNT_SID, secret: AUTH_TOKEN }).start();
}

export async function startReassignedGateway(lookup: TwilioLookupEmulator | null, overrides: Record<string, unknown> = {}) {
  const clock = new FixedClock(new Date(NOW));
  const gw = await startTestGateway(
    lookup
      ? { REASSIGNED_SOURCE: 'twilio', TWILIO_LOOKUP_BASE: lookup.url, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, ...overrides }
      : overrides,
    { clock },
  );
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${gw.url}${path}`, { method: 'POST', headers: { ...gw.auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as Record<string, unknown>;
  };
  const consent = (phone: string, captured_at: string, scope = ['human_voice', 'telemarketing', 'sms', 'marketing']) =>
    post('/v1/consents', {
      phone,
      calling_entity: ENTITY,
      type: 'prior_express_written',
      scope,
      ai_specific_consent: false,
      captured_at,
      evidence: { url: 'https://acme.example/form', source: 'web_form' },
    });
  const precall = (phone: string) => post('/v1/precall', { phone, calling_entity: ENTITY, purpose: 'telemarketing', call_type: 'human_voice' });
  const presend = (phone: string) => post('/v1/sms/pre-send', { phone, sending_entity: ENTITY, message_type: 'marketing' });
  const importResults = (csv: string, headers: Record<string, string> = {}) =>
    fetch(`${gw.url}/v1/reassigned/import`, { method: 'POST', headers: { ...gw.auth, 'Content-Type': 'text/csv', ...headers }, body: csv });
  return { gw, clock, consent, precall, presend, importResults };
}
