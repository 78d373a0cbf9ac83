import { describe, expect, it } from 'vitest';
import { aConsent, aRevocation } from '../../test/fixtures/records';
import type { AuditBody } from '../domain/records';
import { consentBody, consentEventBody, revocationBody } from './auditChain';

describe('audit bodies are typed by kind', () => {
  it('each kind states its own facts, readable once the kind is known', () => {
    const consent = aConsent();
    const bodies: AuditBody[] = [consentBody(consent), consentEventBody(consent, 'opted_out', consent.created_at, 'api'), revocationBody(aRevocation())];
    const said = bodies.map((b) => {
      switch (b.kind) {
        case 'consent':
          return `${b.kind}:${b.facts.type}`;
        case 'consent_event':
          return `${b.kind}:${b.facts.event}`;
        case 'revocation':
          return `${b.kind}:${b.facts.trigger}`;
        case 'decision':
          return `${b.kind}:${b.facts.allowed}`;
        default:
          throw new Error('a kind this test does not know');
      }
    });
    expect(said).toEqual([`consent:${consent.type}`, 'consent_event:opted_out', `revocation:${aRevocation().trigger}`]);
  });

  it('a body whose facts do not match its kind does not compile', () => {
    const at = '2026-04-10T20:00:00.000Z';
    // @ts-expect-error a decision entry states the decision's kind, entity, outcome and reason, not a consent event
    const mixed: AuditBody = { kind: 'decision', ref_id: 'dec_1', at, facts: { event: 'confirmed', source: 'api', status: 'active' }, personal_digest: 'ab' };
    expect(mixed.kind).toBe('decision');
  });
});
