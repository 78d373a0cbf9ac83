/**
 * Record a consent the way the business's CRM would — `POST /v1/consents` on
 * a running gateway — captured a day before the gateway's clock. Shared by
 * the carrier suites, which seed consents before every gated call or text.
 */
import type { ScopeValue } from '../../src/domain/vocabulary';
import type { Clock } from '../../src/gate/clock';

export interface SeedTarget {
  gw: { url: string; auth: { Authorization: string } };
  clock: Clock;
}

export interface SeedOptions {
  type?: 'prior_express_written' | 'prior_express';
  ai?: boolean;
}

export async function seedConsent(s: SeedTarget, phone: string, entity: string, scope: ScopeValue[], options: SeedOptions = {}): Promise<string> {
  const res = await fetch(`${s.gw.url}/v1/consents`, {
    method: 'POST',
    headers: { ...s.gw.auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      phone,
      calling_entity: entity,
      type: options.type ?? 'prior_express_written',
      scope,
      ai_specific_consent: options.ai ?? true,
      captured_at: new Date(s.clock.now().getTime() - 86_400_000).toISOString(),
      evidence: { url: 'https://acme.example/consent-form', source: 'web_form' },
    }),
  });
  const body = (await res.json()) as { consent_id?: string };
  if (!res.ok || !body.consent_id) throw new Error(`consent not recorded: ${res.status} ${JSON.stringify(body)}`);
  return body.consent_id;
}
