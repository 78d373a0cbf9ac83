/**
 * Which calling entity (and org) a piece of carrier traffic belongs to,
 * from the `entities` of the configuration file: by one of our phone
 * numbers, or by a carrier id (Twilio account / Messaging Service, Telnyx
 * connection / messaging profile). Built once at start; lookups are map hits.
 *
 * A number or id claimed by two entities is a configuration error: we would
 * otherwise check consent against whichever entity happened to come first.
 *
 * It also says which org a carrier account belongs to — the only thing that
 * lets carrier traffic be gated against an org at all. A request whose
 * account is not here belongs to no org and is refused: a client cannot
 * choose an org by naming its entity, number or messaging profile.
 * Accounts: an entity's `twilio_account_sids` and `telnyx_api_key_sha256`
 * (its org's), and the deployment's own TWILIO_ACCOUNT_SID and
 * TELNYX_API_KEY (the default org's). One account in two orgs is a
 * configuration error.
 *
 * @example
 *   const dir = new EntityDirectory(config.entities, defaultOrgId, { twilioAccountSid: config.TWILIO_ACCOUNT_SID });
 *   dir.orgOfAccount({ kind: 'twilio_account', id: 'AC…' }); // undefined: refuse
 *   dir.resolve([{ kind: 'number', value: '+18005550100' }, { kind: 'twilio_account', value: 'AC…' }]);
 */
import { createHash } from 'node:crypto';
import type { EntityConfig } from '../../src/config';
import { parsePhone } from '../../src/domain/phone';
import { EntityDirectoryError } from '../../src/errors';
import { entityKey, type CallType, type MessageType, type Purpose } from '../../src/domain/vocabulary';

export type CarrierIdKind = 'twilio_account' | 'twilio_messaging_service' | 'telnyx_connection' | 'telnyx_messaging_profile';

export type EntityLookup = { kind: 'number'; value: string | undefined } | { kind: CarrierIdKind; value: string | undefined };

export interface DirectoryEntry {
  /** The calling/sending entity's name as configured. */
  name: string;
  orgId: string;
  purpose?: Purpose;
  call_type?: CallType;
  message_type?: MessageType;
  /** false: the entity's calls are not transcribed by the carrier. */
  transcribe?: boolean;
}

const ID_FIELDS: Record<CarrierIdKind, keyof EntityConfig> = {
  twilio_account: 'twilio_account_sids',
  twilio_messaging_service: 'twilio_messaging_service_sids',
  telnyx_connection: 'telnyx_connection_ids',
  telnyx_messaging_profile: 'telnyx_messaging_profile_ids',
};

/** A carrier account as a request presents it: a Twilio account SID, or the Telnyx API key itself. */
export type CarrierAccount = { kind: 'twilio_account'; id: string } | { kind: 'telnyx_api_key'; key: string };

/** The deployment's own carrier accounts, which belong to the default org. */
export interface OwnAccounts {
  twilioAccountSid?: string;
  telnyxApiKey?: string;
}

/** How a Telnyx API key is named in the configuration: its SHA-256, hex, so the file holds no key. */
export function telnyxKeyDigest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export class EntityDirectory {
  private readonly numbers = new Map<string, DirectoryEntry>();
  private readonly ids = new Map<string, DirectoryEntry>();
  private readonly names = new Map<string, DirectoryEntry>();
  /** `twilio_account:<sid>` / `telnyx_api_key:<sha256>` → org id. */
  private readonly accountOrgs = new Map<string, string>();

  constructor(
    entities: readonly EntityConfig[],
    readonly defaultOrgId: string,
    own: OwnAccounts = {},
  ) {
    if (own.twilioAccountSid) this.mapAccount(`twilio_account:${own.twilioAccountSid}`, defaultOrgId, `TWILIO_ACCOUNT_SID ${own.twilioAccountSid}`);
    if (own.telnyxApiKey) this.mapAccount(`telnyx_api_key:${telnyxKeyDigest(own.telnyxApiKey)}`, defaultOrgId, 'TELNYX_API_KEY');
    for (const e of entities) {
      const entry: DirectoryEntry = {
        name: e.name.trim(),
        orgId: e.org_id ?? defaultOrgId,
        purpose: e.purpose,
        call_type: e.call_type,
        message_type: e.message_type,
        transcribe: e.transcribe,
      };
      claim(this.names, entityKey(e.name), entry, `entity name "${e.name}"`);
      for (const n of e.numbers) claim(this.numbers, n, entry, `number ${n}`);
      for (const kind of Object.keys(ID_FIELDS) as CarrierIdKind[]) {
        for (const id of e[ID_FIELDS[kind]] as string[]) claim(this.ids, `${kind}:${id}`, entry, `${kind} ${id}`);
      }
      for (const sid of e.twilio_account_sids) this.mapAccount(`twilio_account:${sid}`, entry.orgId, `twilio account ${sid}`);
      // Several entities of one org may share a key (one Telnyx account, several brands); two orgs may not.
      for (const digest of e.telnyx_api_key_sha256) this.mapAccount(`telnyx_api_key:${digest.toLowerCase()}`, entry.orgId, `telnyx_api_key_sha256 ${digest}`);
    }
  }

  private mapAccount(key: string, orgId: string, what: string): void {
    const existing = this.accountOrgs.get(key);
    if (existing !== undefined && existing !== orgId) {
      throw new EntityDirectoryError(`entities: ${what} is mapped to both org ${existing} and org ${orgId}; a carrier account belongs to one org`);
    }
    this.accountOrgs.set(key, orgId);
  }

  /**
   * The org whose traffic this carrier account's is, or undefined: then the
   * request belongs to no org and must be refused. A Telnyx key is looked up
   * by its digest, so no comparison ever runs over the key itself.
   */
  orgOfAccount(account: CarrierAccount): string | undefined {
    if (account.kind === 'twilio_account') return account.id ? this.accountOrgs.get(`twilio_account:${account.id}`) : undefined;
    return account.key ? this.accountOrgs.get(`telnyx_api_key:${telnyxKeyDigest(account.key)}`) : undefined;
  }

  /** Whether any carrier account of this kind is mapped (without one, every gated request of that carrier is refused). */
  mapsAnyAccount(kind: CarrierAccount['kind']): boolean {
    for (const key of this.accountOrgs.keys()) if (key.startsWith(`${kind}:`)) return true;
    return false;
  }

  /** By one of our numbers, in any form `parsePhone` accepts. */
  byNumber(number: string | undefined): DirectoryEntry | undefined {
    if (!number) return undefined;
    const p = parsePhone(stripChannel(number));
    return p.ok ? this.numbers.get(p.e164) : undefined;
  }

  byId(kind: CarrierIdKind, id: string | undefined): DirectoryEntry | undefined {
    return id ? this.ids.get(`${kind}:${id}`) : undefined;
  }

  /** The configured entity of that name (case and spacing ignored), for its defaults and org. */
  byName(name: string): DirectoryEntry | undefined {
    return this.names.get(entityKey(name));
  }

  /** Every configured entity name of an org. */
  namesOf(orgId: string): string[] {
    return [...this.names.values()].filter((e) => e.orgId === orgId).map((e) => e.name);
  }

  /** The first lookup that hits, in the order given (most specific first). */
  resolve(lookups: readonly EntityLookup[]): DirectoryEntry | undefined {
    for (const l of lookups) {
      const hit = l.kind === 'number' ? this.byNumber(l.value) : this.byId(l.kind, l.value);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** `whatsapp:+1…` → `+1…`: the channel prefix is not part of the number. */
export function stripChannel(address: string): string {
  return address.replace(/^whatsapp:/i, '');
}

function claim(map: Map<string, DirectoryEntry>, key: string, entry: DirectoryEntry, what: string): void {
  const existing = map.get(key);
  if (existing && existing !== entry) {
    throw new EntityDirectoryError(`entities: ${what} is claimed by both "${existing.name}" and "${entry.name}"`);
  }
  map.set(key, entry);
}
