/**
 * An API key's stored document, parsed once per text. Every /v1 request reads its key from the
 * store (so a key revoked by another instance is refused on its next request); the text read is
 * nearly always the one read the time before, and parsing it again was a share of every request.
 * A revoked or changed key has another text, and is parsed anew.
 *
 * The parsed key is shared by every request made with it, so it is frozen, its lists too: no
 * request can change what the next one is authorised by.
 */
import { boundedMemo } from '../domain/boundedMemo';
import type { ApiKey } from '../domain/records';

function frozenKey(doc: string): ApiKey {
  const key = JSON.parse(doc) as ApiKey;
  for (const value of Object.values(key)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(key);
}

/** A key's document as the store holds it, parsed (the same object for the same text). */
export const parseKeyDoc = boundedMemo(frozenKey, { limit: 1000, maxInput: 8192 });
