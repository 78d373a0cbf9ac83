/**
 * The contract's vocabulary in words a person reads: the evidence
 * certificate and the CLI print these; the API keeps the codes.
 */
import type { ConsentType, RevocationTrigger } from './vocabulary';

export const CONSENT_TYPE_LABELS: Record<ConsentType, string> = {
  prior_express_written: 'prior express written',
  prior_express: 'prior express',
  established_business_relationship: 'established business relationship',
};

export const TRIGGER_LABELS: Record<RevocationTrigger, string> = {
  verbal_stop_during_call: 'said "stop" during a call',
  dtmf_opt_out: 'pressed 9 during a call',
  sms_stop: 'replied STOP by text',
  web_form: 'opted out on a web form',
  manual: 'recorded manually by an operator',
};

export function label<K extends string>(labels: Record<K, string>, code: string): string {
  return (labels as Record<string, string>)[code] ?? code.replace(/_/g, ' ');
}

/** `2026-04-24T15:43:10Z` → `2026-04-24 15:43:10 UTC`. */
export function utcText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (
    d
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d{3}Z$/, '')
      .replace(/Z$/, '') + ' UTC'
  );
}

/** `2026-04-24T15:43:10Z` → `Friday, April 24, 2026`: for dates a person acts on (honor-by). */
export function dayText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}
