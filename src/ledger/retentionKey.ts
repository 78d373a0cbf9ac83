/**
 * The retention key guard, the same for every engine. Anonymised records are found only through
 * their suppression key: a store that holds them, opened without the RETENTION_SECRET they were
 * keyed with (or with another one), would no longer see its anonymised opt-outs and would let
 * those numbers be called again. So it refuses to open.
 */
import { LedgerUnavailableError, type SuppressionKeying } from './ledger';

/**
 * Null when the store may open: it has never been anonymised, or was anonymised under this
 * keying. Otherwise the error to refuse with (the engine closes its connection first).
 * @param storedKeyId the key id the store recorded at its first anonymisation (null or undefined: none)
 * @param store names the store in the message, e.g. "the SQLite ledger at /data/ledger.db"
 */
export function refusalToOpen(storedKeyId: string | null | undefined, keying: SuppressionKeying | undefined, store: string): LedgerUnavailableError | null {
  if (!storedKeyId || storedKeyId === keying?.keyId) return null;
  return new LedgerUnavailableError(
    keying
      ? `${store} was anonymised under a different RETENTION_SECRET; refusing to open it with this one`
      : `${store} holds anonymised records: set the RETENTION_SECRET it was anonymised with`,
  );
}

/** The keying the retention job anonymises with; the job cannot run without one. */
export function keyingToAnonymise(keying: SuppressionKeying | undefined): SuppressionKeying {
  if (!keying) throw new Error('anonymisation needs a suppression keying (RETENTION_SECRET)');
  return keying;
}
