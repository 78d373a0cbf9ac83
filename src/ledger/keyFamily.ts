/**
 * Keys made from keys: a key created through the API names its creator
 * (`parent_key_id`), and revoking a key revokes everything made from it,
 * down every generation, so a leaked or retired key leaves no working
 * offspring behind. Both engines select with these and store the result.
 */
import type { ApiKey } from './ledger';

export function isRevoked(key: ApiKey): boolean {
  return key.revoked_at !== null && key.revoked_at !== undefined;
}

/** Every key of `orgKeys` made from `rootId`, directly or through others (a cycle cannot loop). */
export function descendantsOf(orgKeys: ApiKey[], rootId: string): ApiKey[] {
  const childrenOf = new Map<string, ApiKey[]>();
  for (const k of orgKeys) {
    if (!k.parent_key_id) continue;
    const siblings = childrenOf.get(k.parent_key_id);
    if (siblings) siblings.push(k);
    else childrenOf.set(k.parent_key_id, [k]);
  }
  const found: ApiKey[] = [];
  const seen = new Set([rootId]);
  const queue = [rootId];
  while (queue.length) {
    for (const child of childrenOf.get(queue.shift()!) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      found.push(child);
      queue.push(child.id);
    }
  }
  return found;
}

/** Whether a key may be made from `parent`: it exists in the key's org and is not revoked. */
export function canParent(parent: ApiKey | null | undefined): boolean {
  return !!parent && !isRevoked(parent);
}
