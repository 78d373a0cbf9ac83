import { describe, expect, it } from 'vitest';
import { NEW_YORK, NUMBER_OF, precallFacts, TOLL_FREE } from '../../test/support/shippedRuleFacts';
import { coveredLimitOf } from './jurisdictions';

const NOON = new Date('2026-12-09T17:00:00Z');

// The cap a decision names is what Redis counts an allowed covered contact under: it must be the
// strictest cap of every jurisdiction the consumer may be in, and none where no state caps contacts.
describe('coveredLimitOf: the cap an allowed covered contact is counted under', () => {
  it.each([
    ['FL', 3],
    ['OK', 3],
    ['MD', 3],
  ])('a %s number is counted under its cap of %i', (state, cap) => {
    expect(coveredLimitOf(precallFacts(NUMBER_OF[state].phone, NOON))).toBe(cap);
  });

  it('is null for a number no state caps (New York, Texas)', () => {
    expect(coveredLimitOf(precallFacts(NEW_YORK, NOON))).toBeNull();
    expect(coveredLimitOf(precallFacts(NUMBER_OF.TX.phone, NOON))).toBeNull();
  });

  it("takes a capped state from elsewhere: recipient_state, a consent's address_state, a toll-free number held to every state", () => {
    expect(coveredLimitOf(precallFacts(NEW_YORK, NOON, { recipientState: 'FL' }))).toBe(3);
    expect(coveredLimitOf(precallFacts(NUMBER_OF.TX.phone, NOON, { addressStates: ['MD'] }))).toBe(3);
    expect(coveredLimitOf(precallFacts(TOLL_FREE, NOON))).toBe(3);
  });
});
