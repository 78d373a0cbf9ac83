import { describe, expect, it } from 'vitest';
import { ANSWERED, aCallEvent, aWholeCall } from '../../../test/fixtures/calls';
import { foldCallRecord } from './record';

describe('foldCallRecord', () => {
  it('a whole AI call: answer, disclosure timing within its window, the DTMF opt-out at its offset, the final status and duration', () => {
    const r = foldCallRecord(aWholeCall())!;
    expect(r).toMatchObject({
      carrier: 'twilio',
      decision_id: 'dec_0000000000000000000000',
      entity: 'Acme Insurance LLC',
      answered_at: ANSWERED,
      ended_at: '2026-05-04T16:00:52.000Z',
      status: 'completed',
      duration_seconds: 42,
      disclosure: { started_at: '2026-05-04T16:00:10.400Z', completed_at: '2026-05-04T16:00:16.400Z', within_window: true, version: 'v1' },
      dtmf: [{ digit: '9', at: '2026-05-04T16:00:19.000Z' }],
      opt_outs: [{ revocation_id: 'rev_0000000000000000000000', trigger: 'dtmf_opt_out', offset_seconds: 9.1 }],
      sources: { answered_at: 'test: answered', disclosure_completed_at: 'test: disclosure_completed' },
    });
    expect(r.events.map((e) => e.kind)).toEqual(['gated', 'status', 'answered', 'disclosure_started', 'disclosure_completed', 'dtmf', 'opt_out', 'ended']);
  });

  it('redelivered and reordered events give the same record as the events once, in order', () => {
    const once = foldCallRecord(aWholeCall());
    const shuffled = [...aWholeCall()].reverse();
    expect(foldCallRecord([...shuffled, ...aWholeCall().slice(2, 6)])).toEqual(once);
  });

  it('a disclosure started later than its window after the answer is not within it', () => {
    const late = aWholeCall().map((e) => (e.kind === 'disclosure_started' ? { ...e, at: '2026-05-04T16:00:12.500Z' } : e));
    expect(foldCallRecord(late)!.disclosure!.within_window).toBe(false);
  });

  it('without an answer time, within_window and opt-out offsets are unknown (null), not guessed', () => {
    const r = foldCallRecord(aWholeCall().filter((e) => e.kind !== 'answered'))!;
    expect(r.disclosure!.within_window).toBeNull();
    expect(r.opt_outs[0].offset_seconds).toBeNull();
  });

  it('two sources of the answer: the earliest stands, and is named', () => {
    const callback = aCallEvent('answered', '2026-05-04T16:00:09.800Z', {}, { source: 'twilio status callback: answered', distinct: 'callback' });
    const r = foldCallRecord([...aWholeCall(), callback])!;
    expect(r.answered_at).toBe('2026-05-04T16:00:09.800Z');
    expect(r.sources.answered_at).toBe('twilio status callback: answered');
  });

  it('a final status is not replaced by a late non-final one (a ringing callback delivered after completed)', () => {
    const late = aCallEvent('status', '2026-05-04T16:01:00.000Z', { status: 'ringing' }, { distinct: '9' });
    expect(foldCallRecord([...aWholeCall(), late])!.status).toBe('completed');
  });

  it('no events, no record', () => {
    expect(foldCallRecord([])).toBeNull();
  });
});
