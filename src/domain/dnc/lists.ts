/**
 * The do-not-call lists the gate knows: `national` (the FTC's National Do Not
 * Call Registry), `state:XX` for the eleven states that keep a registry of
 * their own, and `internal` (the org's own list, 47 CFR 64.1200(d)). A name
 * outside these is refused rather than stored: a misspelt list would be
 * imported, never consulted, and the calls it should stop would go out.
 */
export const DNC_STATE_REGISTRIES = ['CO', 'FL', 'IN', 'LA', 'MA', 'MO', 'OK', 'PA', 'TN', 'TX', 'WY'] as const;

export type DncListName = 'national' | 'internal' | `state:${(typeof DNC_STATE_REGISTRIES)[number]}`;

export const DNC_LIST_NAME_RULE = `national, internal or state:XX for one of ${DNC_STATE_REGISTRIES.join(', ')}`;

/** The list name, or null when the gate keeps no such list. */
export function dncListName(input: unknown): DncListName | null {
  if (input === 'national' || input === 'internal') return input;
  if (typeof input !== 'string' || !input.startsWith('state:')) return null;
  const state = input.slice('state:'.length);
  return (DNC_STATE_REGISTRIES as readonly string[]).includes(state) ? (input as DncListName) : null;
}

/** Registry lists are the ones a consumer signs up to and the law's written-consent and EBR exemptions apply to. */
export function isRegistryList(list: DncListName): boolean {
  return list !== 'internal';
}
