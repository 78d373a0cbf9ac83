/**
 * The evidence certificate: `GET /v1/evidence/{id}` as a page a person reads
 * and prints — what was decided or revoked, when, by which trigger, the
 * words the consumer used, the honor-by date, and the integrity proof.
 *
 * Everything from a record is escaped (a transcript is whatever a caller
 * said or texted, `<script>` included); the page has no script at all and no
 * external asset, and is served with a CSP that allows neither.
 */
import type { Evidence } from '../gate/evidence';
import type { CallRecord } from '../domain/calls/record';
import type { Consent, Decision, Revocation } from '../domain/records';
import { CONSENT_TYPE_LABELS, TRIGGER_LABELS, dayText, label, utcText } from '../domain/labels';
import { REASON_NOTES } from '../domain/vocabulary';
import { isSuppressionKey } from '../domain/suppressionKey';

/** For the `Content-Security-Policy` header of the page: inline styles, nothing else. */
export const EVIDENCE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Row = [label: string, value: string, opts?: { raw?: boolean; mono?: boolean; strong?: boolean }];

function table(rows: Row[]): string {
  return (
    '<table class="facts">' +
    rows
      .map(([k, v, o]) => {
        const value = o?.raw ? v : escapeHtml(v);
        const cls = [o?.mono ? 'mono' : '', o?.strong ? 'strong' : ''].filter(Boolean).join(' ');
        return `<tr><th scope="row">${escapeHtml(k)}</th><td${cls ? ` class="${cls}"` : ''}>${value}</td></tr>`;
      })
      .join('') +
    '</table>'
  );
}

function phoneText(phone: string): string {
  return isSuppressionKey(phone) ? 'anonymised (kept only as a keyed hash, so the opt-out still applies)' : phone;
}

function quote(text: string | null | undefined, empty: string): string {
  if (text == null || text === '') return `<p class="muted">${escapeHtml(empty)}</p>`;
  return `<blockquote class="words">${escapeHtml(text)}</blockquote>`;
}

function revocationSection(r: Revocation): { headline: string; verdict: string; body: string } {
  const who = r.scope === 'all' ? 'every calling entity (network-wide opt-out)' : (r.calling_entity ?? '—');
  return {
    headline: 'Opt-out (revocation of consent)',
    verdict: `Opted out — further contact blocked; honor by ${dayText(r.honor_by_date)}`,
    body:
      table([
        ['Phone number', phoneText(r.phone), { mono: true }],
        ['Calling entity', who, { strong: true }],
        ['How the consumer opted out', `${label(TRIGGER_LABELS, r.trigger)} (${r.trigger})`],
        ['Opt-out captured', utcText(r.captured_at)],
        ['Recorded by the gateway', utcText(r.created_at)],
        ['Honor by (FCC, 10 business days)', `${dayText(r.honor_by_date)} — ${utcText(r.honor_by_date)}`, { strong: true }],
        ['Scope', r.scope === 'all' ? 'all entities' : 'this entity only'],
        ['Origin', r.origin === 'local' ? 'this deployment' : `network peer ${r.origin}`],
        ['Audio segment', r.audio_segment_url ?? '—', { mono: true }],
      ]) +
      '<h3>What the consumer said or sent</h3>' +
      quote(r.transcript, r.phone && isSuppressionKey(r.phone) ? 'Erased by the retention policy.' : 'No transcript was recorded.'),
  };
}

function consentSection(c: Consent): { headline: string; verdict: string; body: string } {
  const status = c.status === 'active' ? 'In force' : c.status === 'pending' ? 'Awaiting double opt-in confirmation' : `Opted out ${utcText(c.opted_out_at)}`;
  const ev = c.evidence ?? {};
  return {
    headline: 'Consent to be contacted',
    verdict: status,
    body:
      table([
        ['Phone number', phoneText(c.phone), { mono: true }],
        ['Calling entity', c.calling_entity, { strong: true }],
        ['Type', `${label(CONSENT_TYPE_LABELS, c.type)} consent`],
        ['AI-specific consent', c.ai_specific_consent ? 'yes' : 'no'],
        ['Covers', c.scope.join(', ')],
        ['Captured', utcText(c.captured_at)],
        ['Expires', c.expires_at ? utcText(c.expires_at) : 'does not expire (until revoked)'],
        ['Status', status, { strong: true }],
        ['Evidence URL', ev.url ?? '—', { mono: true }],
        ['Evidence source', ev.source ?? '—'],
        ['Consumer IP address', ev.ip ?? '—', { mono: true }],
        ['Consumer browser', ev.user_agent ?? '—'],
      ]) +
      '<h3>Consent language shown to the consumer</h3>' +
      quote(ev.text, 'No consent text was recorded (or it was erased by the retention policy).') +
      '<h3>History</h3>' +
      '<table class="list"><thead><tr><th>Event</th><th>When</th><th>Source</th></tr></thead><tbody>' +
      c.history.map((h) => `<tr><td>${escapeHtml(h.event)}</td><td>${escapeHtml(utcText(h.at))}</td><td>${escapeHtml(h.source)}</td></tr>`).join('') +
      '</tbody></table>',
  };
}

function decisionSection(d: Decision): { headline: string; verdict: string; body: string } {
  const req = d.request as Record<string, unknown>;
  const res = d.response as Record<string, unknown>;
  const disclosure = res.disclosure as { required?: boolean; script?: string | null } | undefined;
  const reasonNote = d.reason ? (REASON_NOTES[d.reason] ?? '') : '';
  const rows: Row[] = [
    ['Phone number', phoneText(d.phone), { mono: true }],
    [d.kind === 'precall' ? 'Calling entity' : 'Sending entity', d.entity, { strong: true }],
    ['Check', d.kind === 'precall' ? 'precall (may this call be dialed?)' : 'pre-send (may this text be sent?)'],
    ['Outcome', d.allowed ? 'allowed' : `blocked — ${d.reason}`, { strong: true }],
    ['Decided', utcText(d.decided_at)],
  ];
  if (d.kind === 'precall') {
    rows.push(['Purpose', String(req.purpose ?? '—')], ['Call type', String(req.call_type ?? '—')], ['Planned call time', utcText(req.call_at as string)]);
  } else {
    rows.push(['Message type', String(req.message_type ?? '—')], ['Planned send time', utcText(req.send_at as string)]);
  }
  if (res.honor_by_date) rows.push(['Honor by', `${dayText(String(res.honor_by_date))} — ${utcText(String(res.honor_by_date))}`]);
  const consent = res.consent as { consent_id?: string } | undefined;
  if (consent?.consent_id) rows.push(['Consent relied on', consent.consent_id, { mono: true }]);
  if (res.revocation_id) rows.push(['Revocation', String(res.revocation_id), { mono: true }]);
  return {
    headline: d.kind === 'precall' ? 'Precall decision' : 'Pre-send decision',
    verdict: d.allowed ? 'Allowed' : `Blocked: ${d.reason}${reasonNote ? ` — ${reasonNote}` : ''}`,
    body: table(rows) + (disclosure?.required && disclosure.script ? '<h3>Disclosure the caller had to deliver</h3>' + quote(disclosure.script, '') : ''),
  };
}

const CARRIER_NAMES: Record<CallRecord['carrier'], string> = { twilio: 'Twilio', telnyx: 'Telnyx', stream: 'agent stream' };

/** A time with where it comes from (the event that told it), or a dash. */
function sourcedTime(at: string | null, source: string | undefined): string {
  if (!at) return '—';
  return source ? `${utcText(at)} (from ${source})` : utcText(at);
}

function callSection(c: CallRecord): { headline: string; verdict: string; body: string } {
  const d = c.disclosure;
  const timing = !d
    ? 'No disclosure was required for this call'
    : d.within_window === true
      ? `AI disclosure started within ${d.delivery_window_seconds} s of the answer`
      : d.within_window === false
        ? `AI disclosure started later than ${d.delivery_window_seconds} s after the answer`
        : 'AI disclosure timing unknown (no answer or no start recorded)';
  const optedOut = c.opt_outs.length ? ` · consumer opted out ${c.opt_outs.length === 1 ? 'once' : `${c.opt_outs.length} times`}` : '';
  const rows: Row[] = [
    ['Phone number', phoneText(c.phone), { mono: true }],
    ['Calling entity', c.entity ?? '—', { strong: true }],
    ['Carrier', `${CARRIER_NAMES[c.carrier]} call ${c.carrier_call_id}`, { mono: true }],
    ['Precall decision', c.decision_id ?? '—', { mono: true }],
    ['Gated', sourcedTime(c.gated_at, c.sources.gated_at)],
    ['Answered', sourcedTime(c.answered_at, c.sources.answered_at)],
    ['Ended', sourcedTime(c.ended_at, c.sources.ended_at)],
    ['Final status', c.status ?? '—'],
    ['Duration', c.duration_seconds === null ? '—' : `${c.duration_seconds} s`],
  ];
  if (d) {
    rows.push(
      ['Disclosure version', d.version],
      ['Disclosure started', sourcedTime(d.started_at, c.sources.disclosure_started_at)],
      ['Disclosure completed', sourcedTime(d.completed_at, c.sources.disclosure_completed_at)],
      [
        'Within the delivery window',
        d.within_window === null ? 'unknown' : d.within_window ? `yes (${d.delivery_window_seconds} s)` : `no (${d.delivery_window_seconds} s)`,
        { strong: true },
      ],
    );
  }
  rows.push(['Keys pressed', c.dtmf.length ? c.dtmf.map((k) => `${k.digit} at ${utcText(k.at)}`).join(', ') : 'none']);
  const optOuts = c.opt_outs
    .map(
      (o) =>
        table([
          ['Revocation', o.revocation_id ?? '—', { mono: true }],
          ['How', o.trigger ? `${label(TRIGGER_LABELS, o.trigger)} (${o.trigger})` : '—'],
          ['When', `${utcText(o.at)}${o.offset_seconds === null ? '' : ` — ${o.offset_seconds} s into the call`}`],
        ]) +
        quote(
          o.transcript,
          o.trigger === 'dtmf_opt_out' ? 'Pressed a key; no words.' : 'No transcript (none was recorded, or it was erased by the retention policy).',
        ),
    )
    .join('');
  const events =
    '<table class="list"><thead><tr><th>When</th><th>What</th><th>Told by</th></tr></thead><tbody>' +
    c.events.map((e) => `<tr><td>${escapeHtml(utcText(e.at))}</td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.source)}</td></tr>`).join('') +
    '</tbody></table>';
  return {
    headline: 'Call record',
    verdict: timing + optedOut,
    body:
      table(rows) +
      (d ? '<h3>Disclosure the caller had to deliver</h3>' + quote(d.script, '') : '') +
      (c.opt_outs.length ? '<h3>Opt-outs during the call</h3>' + optOuts : '') +
      '<h3>What the gateway saw, in order</h3>' +
      events,
  };
}

function integritySection(ev: Evidence): string {
  const i = ev.integrity;
  const anonymised = isSuppressionKey(ev.record.phone);
  const chain = i.chain_verified
    ? `<span class="ok">✓ verified</span> — ${i.chain_length} entr${i.chain_length === 1 ? 'y' : 'ies'}, each linked to the one before`
    : `<span class="bad">✗ broken</span> at entry seq ${escapeHtml(i.first_broken_seq)}: the history of this number was altered`;
  const matches = i.record_matches_chain
    ? '<span class="ok">✓ matches</span> the digest recorded in the chain'
    : anonymised
      ? '<span class="muted">personal data erased by the retention policy; the chain still holds the digest of the original</span>'
      : '<span class="bad">✗ does not match</span> the digest recorded in the chain';
  return (
    '<section class="integrity"><h2>Integrity proof</h2>' +
    table([
      ['Audit chain', chain, { raw: true }],
      ['This record', matches, { raw: true }],
      ['Algorithm', 'SHA-256 hash chain per (organisation, phone number)'],
      ['Chain head', i.chain_head ?? '—', { mono: true }],
    ]) +
    "<h3>This record's entries in the chain</h3>" +
    '<table class="list hashes"><thead><tr><th>Seq</th><th>Entry</th><th>When</th><th>Previous hash</th><th>Entry hash</th></tr></thead><tbody>' +
    i.entries
      .map(
        (e) =>
          `<tr><td>${escapeHtml(e.seq)}</td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(utcText(e.at))}</td>` +
          `<td class="mono hash">${escapeHtml(e.prev_hash || '(first entry)')}</td><td class="mono hash">${escapeHtml(e.hash)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>' +
    '<p class="note">Each audit entry stores the SHA-256 of the entry before it, so changing or deleting any earlier entry breaks every hash after it. ' +
    'The chain commits to a digest of the personal data rather than the data, so erasing it after the retention period leaves the chain verifiable.</p>' +
    '</section>'
  );
}

export interface EvidencePageOptions {
  generatedAt: Date;
}

export function renderEvidencePage(ev: Evidence, options: EvidencePageOptions): string {
  const section =
    ev.type === 'revocation'
      ? revocationSection(ev.record as Revocation)
      : ev.type === 'consent'
        ? consentSection(ev.record as Consent)
        : ev.type === 'call'
          ? callSection(ev.record as CallRecord)
          : decisionSection(ev.record as Decision);
  const title = `${section.headline} ${ev.id}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Evidence — ${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<p class="brand">Consent Gate · evidence certificate</p>
<h1>${escapeHtml(section.headline)}</h1>
<p class="id mono">${escapeHtml(ev.id)}</p>
<p class="verdict ${ev.integrity.chain_verified ? '' : 'broken'}">${escapeHtml(section.verdict)}</p>
</header>
<section><h2>Record</h2>${section.body}</section>
${integritySection(ev)}
<footer>Organisation <span class="mono">${escapeHtml(ev.record.org_id)}</span> · generated ${escapeHtml(utcText(options.generatedAt.toISOString()))} · the same data as JSON: request this URL with <span class="mono">Accept: application/json</span></footer>
</main>
</body>
</html>
`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f3f4f6;color:#111827;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:60rem;margin:2rem auto;background:#fff;padding:2rem 2.5rem;border:1px solid #e5e7eb;border-radius:8px}
header{border-bottom:2px solid #111827;padding-bottom:1rem;margin-bottom:1.5rem}
.brand{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;color:#6b7280}
h1{margin:.25rem 0;font-size:1.6rem}
h2{font-size:1.1rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #e5e7eb;padding-bottom:.25rem}
h3{font-size:.95rem;margin:1.25rem 0 .4rem}
.id{margin:0;color:#4b5563}
.verdict{margin:.75rem 0 0;font-weight:600;font-size:1.05rem;padding:.5rem .75rem;background:#ecfdf5;border-left:4px solid #059669}
.verdict.broken{background:#fef2f2;border-color:#dc2626}
table{border-collapse:collapse;width:100%}
.facts th{text-align:left;font-weight:500;color:#4b5563;width:16rem;padding:.3rem .75rem .3rem 0;vertical-align:top}
.facts td{padding:.3rem 0;vertical-align:top;overflow-wrap:anywhere}
.facts tr+tr th,.facts tr+tr td{border-top:1px solid #f3f4f6}
.list th,.list td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top;font-size:.85rem}
.list th{background:#f9fafb;font-weight:600}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
.hash{overflow-wrap:anywhere;word-break:break-all;max-width:16rem}
.strong{font-weight:600}
.words{margin:.25rem 0;padding:.75rem 1rem;background:#f9fafb;border-left:4px solid #9ca3af;white-space:pre-wrap;overflow-wrap:anywhere;font-style:italic}
.muted{color:#6b7280}
.ok{color:#047857;font-weight:600}
.bad{color:#b91c1c;font-weight:600}
.note{font-size:.8rem;color:#6b7280}
footer{margin-top:2rem;padding-top:.75rem;border-top:1px solid #e5e7eb;font-size:.8rem;color:#6b7280}
@media print{
  @page{size:A4;margin:16mm}
  body{background:#fff;font-size:10.5pt}
  main{margin:0;max-width:none;border:0;padding:0}
  .verdict,.words,.list th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  tr,blockquote{break-inside:avoid}
  h2,h3{break-after:avoid}
}
`;
