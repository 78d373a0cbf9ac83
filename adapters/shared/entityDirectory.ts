/**
 * Which calling entity (and org) a piece of carrier traffic belongs to,
 * from the `entities` of the configuration file: by one of our phone
 * numbers, or by a carrier id (Twilio account / Messaging Service, Telnyx
 * connection / messaging profile). Built once at start; lookups are map hits.
 *
 * A number or id claimed by two entities is a configuration error: we would
 * otherwise check consent against whichever entity happened to come first.
 *
 * @example
 *   const dir = new EntityDirectory(config.entities, defaultOrgId);
 *   dir.resolve([{ kind: 'number', value: '+18005550100' }, { kind: 'twilio_account', value: 'AC…' }]);
 */
import type { EntityConfig } from '../../src/config';
import { parsePhone } from '../../src/domain/phone';
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
}

const ID_FIELDS: Record<CarrierIdKind, keyof EntityConfig> = {
  twilio_account: 'twilio_account_sids',
  twilio_messaging_service: 'twilio_messaging_service_sids',
  telnyx_connection: 'telnyx_connection_ids',
  telnyx_messaging_profile: 'telnyx_messaging_profile_ids',
};

export class EntityDirectoryError extends Error {
  override readonly name = 'EntityDirectoryError';
}

export class EntityDirectory {
  private readonly numbers = new Map<string, DirectoryEntry>();
  private readonly ids = new Map<string, DirectoryEntry>();
  private readonly names = new Map<string, DirectoryEntry>();

  constructor(
    entities: readonly EntityConfig[],
    readonly defaultOrgId: string,
  ) {
    for (const e of entities) {
      const entry: DirectoryEntry = {
        name: e.name.trim(),
        orgId: e.org_id ?? defaultOrgId,
        purpose: e.purpose,
        call_type: e.call_type,
        message_type: e.message_type,
      };
      claim(this.names, entityKey(e.name), entry, `entity name "${e.name}"`);
      for (const n of e.numbers) claim(this.numbers, n, entry, `number ${n}`);
      for (const kind of Object.keys(ID_FIELDS) as CarrierIdKind[]) {
        for (const id of e[ID_FIELDS[kind]] as string[]) claim(this.ids, `${kind}:${id}`, entry, `${kind} ${id}`);
      }
    }
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

  /**
   * The org traffic belongs to when no entity is known: the org of an entity
   * mapping the carrier account, else the default org (SPEC §3).
   */
  orgFor(lookups: readonly EntityLookup[]): string {
    return this.resolve(lookups)?.orgId ?? this.defaultOrgId;
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
