import { describe, expect, it } from 'vitest';
import type { Evidence } from '../gate/evidence';
import { aConsent, aDecision, aRevocation } from '../../test/fixtures/records';
import { escapeHtml, renderEvidencePage } from './evidencePage';

const integrity = (over: Partial<Evidence['integrity']> = {}): Evidence['integrity'] => ({
  algorithm: 'sha256-chain',
  chain_verified: true,
  chain_length: 2,
  chain_head: 'b'.repeat(64),
  first_broken_seq: null,
  record_matches_chain: true,
  entries: [{ seq: 2, kind: 'revocation', at: '2026-04-10T15:43:10.000Z', prev_hash: 'a'.repeat(64), hash: 'b'.repeat(64) }],
  ...over,
});
const page = (ev: Partial<Evidence> & Pick<Evidence, 'type' | 'record'>) =>
  renderEvidencePage({ id: ev.record.id, history: [], integrity: integrity(), ...ev } as Evidence, { generatedAt: new Date('2026-04-11T00:00:00Z') });

describe('evidence page', () => {
  it('escapes every character HTML gives a meaning to', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('a revocation: entity, trigger in words, honor-by date, the transcript escaped, no script anywhere', () => {
    const html = page({ type: 'revocation', record: aRevocation({ transcript: '</blockquote><script>alert(1)</script>' }) });
    expect(html).toContain('Acme Insurance LLC');
    expect(html).toContain('said &quot;stop&quot; during a call');
    expect(html).toContain('Friday, April 24, 2026');
    expect(html).toContain('&lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img|<link|src=|href=/i);
    expect(html).toContain('@media print');
  });

  it('a consent: type in words, AI flag, evidence, history', () => {
    const html = page({ type: 'consent', record: aConsent() });
    expect(html).toContain('prior express written consent');
    expect(html).toContain('I agree to AI calls');
    expect(html).toContain('203.0.113.7');
    expect(html).toMatch(/AI-specific consent<\/th><td>yes/);
  });

  it('a blocked decision names its reason and what it means', () => {
    const html = page({
      type: 'decision',
      record: aDecision({
        allowed: false,
        reason: 'quiet_hours',
        request: { purpose: 'telemarketing', call_type: 'ai_voice', call_at: '2026-04-11T01:45:00Z' },
      }),
    });
    expect(html).toContain('Blocked: quiet_hours — Outside the permitted calling window');
  });

  it('says so when the chain is broken, and when retention erased the personal data', () => {
    const broken = page({ type: 'revocation', record: aRevocation(), integrity: integrity({ chain_verified: false, first_broken_seq: 7, chain_head: null }) });
    expect(broken).toContain('✗ broken</span> at entry seq 7');
    expect(broken).toContain('class="verdict broken"');
    const anonymised = page({
      type: 'revocation',
      record: aRevocation({ phone: 'hmac:' + 'c'.repeat(64), transcript: null }),
      integrity: integrity({ record_matches_chain: false }),
    });
    expect(anonymised).toContain('anonymised (kept only as a keyed hash, so the opt-out still applies)');
    expect(anonymised).toContain('Erased by the retention policy.');
    expect(anonymised).toContain('personal data erased by the retention policy');
  });
});
