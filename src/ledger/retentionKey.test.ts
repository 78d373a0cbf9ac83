import { describe, expect, it } from 'vitest';
import { LedgerUnavailableError, suppressionKeying } from './ledger';
import { keyingToAnonymise, refusalToOpen } from './retentionKey';

const keying = suppressionKeying('the-original-secret-0001');
const another = suppressionKeying('another-secret-00002');

describe('refusalToOpen', () => {
  it.each([
    ['never anonymised, no secret', undefined, undefined, null],
    ['never anonymised, a secret', null, keying, null],
    ['anonymised, the same secret', keying.keyId, keying, null],
    ['anonymised, no secret', keying.keyId, undefined, /the store holds anonymised records: set the RETENTION_SECRET it was anonymised with/],
    ['anonymised, another secret', keying.keyId, another, /the store was anonymised under a different RETENTION_SECRET; refusing to open it/],
  ] as const)('%s', (_, stored, given, refusal) => {
    const answer = refusalToOpen(stored, given, 'the store');
    if (refusal === null) expect(answer).toBeNull();
    else {
      expect(answer).toBeInstanceOf(LedgerUnavailableError);
      expect(answer!.message).toMatch(refusal);
    }
  });
});

describe('keyingToAnonymise', () => {
  it('the retention job needs a keying', () => {
    expect(keyingToAnonymise(keying)).toBe(keying);
    expect(() => keyingToAnonymise(undefined)).toThrow(/RETENTION_SECRET/);
  });
});
