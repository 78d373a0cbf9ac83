import { defineError } from './kinds';

/** The configuration (file and environment) does not validate; `problems` holds one line each. */
export class ConfigError extends defineError('CONFIG_INVALID') {
  constructor(readonly problems: string[]) {
    super('invalid configuration:\n' + problems.map((p) => '  ' + p).join('\n'));
  }
}

/** The entities configuration maps a number, name or carrier account to two owners. */
export class EntityDirectoryError extends defineError('ENTITY_DIRECTORY_INVALID') {}

/** TELNYX_PUBLIC_KEY is not the base64 of an ed25519 public key. */
export class TelnyxKeyError extends defineError('TELNYX_KEY_INVALID') {}
