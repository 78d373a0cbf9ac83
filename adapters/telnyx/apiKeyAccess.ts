/**
 * Whose traffic a gated Telnyx REST request is. Telnyx requests name no
 * account in their path (a TeXML `Accounts/{sid}` is client-chosen text):
 * the `Authorization: Bearer <API key>` is the account. The key must be
 * mapped to an org in the configuration — by its SHA-256 on an entity
 * (`telnyx_api_key_sha256`), or as the deployment's own TELNYX_API_KEY (the
 * default org). Connection and messaging profile ids in the body are chosen
 * by the client, so they only pick an entity within that org.
 *
 * Whether the key is valid at all only Telnyx knows; a mapped key whose
 * request is allowed is forwarded and Telnyx checks it.
 */
import type { AccountAccess } from '../shared/carrier';
import type { TelnyxContext } from './context';
import { telnyxDialect } from './errors';

export function telnyxKeyAccess(t: TelnyxContext, authorization: string | undefined): AccountAccess {
  if (!authorization) return { ok: false, answer: telnyxDialect.unauthenticated() };
  const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const orgId = key ? t.directory.orgOfAccount({ kind: 'telnyx_api_key', key }) : undefined;
  if (orgId === undefined) {
    return {
      ok: false,
      answer: telnyxDialect.forbidden(
        'account_not_mapped',
        "Consent Gate refused this request: its API key is not mapped to an org in the gateway's configuration (TELNYX_API_KEY or an entity's telnyx_api_key_sha256)",
      ),
    };
  }
  return { ok: true, orgId };
}
