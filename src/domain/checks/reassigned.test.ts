import { describe, expect, it } from 'vitest';
import { checkReassigned, type ReassignedAnswer, type ReassignedOnError } from './reassigned';

const facts = (answer: ReassignedAnswer, onError: ReassignedOnError = 'block') => ({
  consentId: 'cst_1',
  consentDate: '2026-10-01',
  answer,
  onError,
  checkAfterDays: 30,
});
const fields = { consent_id: 'cst_1', consent_date: '2026-10-01' };

describe('checkReassigned', () => {
  it.each<[string, ReassignedAnswer, ReassignedOnError, unknown, RegExp | null]>([
    [
      'yes blocks, naming the consent and the source',
      { kind: 'answered', result: 'yes', source: 'twilio_lookup' },
      'block',
      { ...fields, source: 'twilio_lookup' },
      null,
    ],
    ['no allows without a note', { kind: 'answered', result: 'no', source: 'rnd_import' }, 'block', null, null],
    ['no_data allows with a note', { kind: 'answered', result: 'no_data', source: 'rnd_import' }, 'block', null, /no disconnection data .* since 2026-10-01/],
    [
      'a source that cannot answer blocks under block',
      { kind: 'unavailable', source: 'twilio_lookup', message: 'HTTP 500' },
      'block',
      { ...fields, source: 'twilio_lookup', source_unavailable: true },
      null,
    ],
    [
      'a source that cannot answer allows with a note under allow',
      { kind: 'unavailable', source: 'twilio_lookup', message: 'HTTP 500' },
      'allow',
      null,
      /REASSIGNED_ON_ERROR=allow/,
    ],
    ['no source allows and says no check ran', { kind: 'no_source' }, 'block', null, /^No reassigned-number check ran: .*more than 30 days old/],
  ])('%s', (_name, answer, onError, blockFields, note) => {
    const outcome = checkReassigned(facts(answer, onError));
    expect(outcome.block).toEqual(blockFields ? { reason: 'number_reassigned', fields: blockFields } : null);
    expect(outcome.notes).toEqual(note ? [expect.stringMatching(note)] : []);
  });
});
