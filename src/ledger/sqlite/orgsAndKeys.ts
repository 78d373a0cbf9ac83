/**
 * Orgs and API keys in SQLite. Key changes commit with synchronous=FULL; a key is read by its hash
 * on every authenticated request, so a key revoked by any connection is refused on its next one.
 */
import { canParent, descendantsOf, isRevoked } from '../keyFamily';
import { parseKeyDoc } from '../keyDocs';
import type { ApiKey, Org } from '../ledger';
import { parse, parseData } from './rows';
import type { SqliteStore } from './store';

export class SqliteOrgsAndKeys {
  constructor(private readonly store: SqliteStore) {}

  async createOrg(org: Org): Promise<void> {
    this.store.write(() => this.store.stmt.insertOrg.run(org.id, JSON.stringify(org)));
  }

  async getOrg(orgId: string): Promise<Org | null> {
    return parse<Org>(this.store.read(() => this.store.stmt.getOrg.get(orgId)));
  }

  async createApiKey(key: ApiKey): Promise<boolean> {
    const { stmt } = this.store;
    return this.store.write(() => {
      if (key.parent_key_id && !canParent(parse<ApiKey>(stmt.keyOfOrg.get(key.parent_key_id, key.org_id)))) return false;
      stmt.insertKey.run(key.id, key.org_id, key.hash, JSON.stringify(key));
      return true;
    });
  }

  async findApiKeyByHash(hash: string): Promise<ApiKey | null> {
    const doc = this.store.read(() => this.store.stmt.keyByHash.get(hash)?.data);
    return doc === undefined ? null : parseKeyDoc(doc);
  }

  async getApiKey(orgId: string, keyId: string): Promise<ApiKey | null> {
    return parse<ApiKey>(this.store.read(() => this.store.stmt.keyOfOrg.get(keyId, orgId)));
  }

  async listApiKeys(orgId: string): Promise<ApiKey[]> {
    return this.store.read(() => this.store.stmt.keysOfOrg.all(orgId)).map(parseData<ApiKey>);
  }

  async revokeApiKey(orgId: string, keyId: string, at: string): Promise<ApiKey | null> {
    const { stmt } = this.store;
    return this.store.write(() => {
      const key = parse<ApiKey>(stmt.keyOfOrg.get(keyId, orgId));
      if (!key) return null;
      const family = [key, ...descendantsOf(stmt.keysOfOrg.all(orgId).map(parseData<ApiKey>), key.id)];
      for (const k of family.filter((k) => !isRevoked(k))) {
        k.revoked_at = at;
        stmt.updateKey.run(JSON.stringify(k), k.id);
      }
      return key;
    });
  }
}
