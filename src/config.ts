/**
 * Configuration: environment variables, optionally a JSON file named by
 * CONSENT_GATE_CONFIG (environment wins over the file). Validated with zod
 * at start; a bad value stops the start with one line per bad field.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors';
import { CALL_TYPES, MESSAGE_TYPES, PURPOSES, CONSENT_TYPES } from './domain/vocabulary';
import { parsePhone } from './domain/phone';
import { DEFAULT_ADVERSARY_COUNTRIES } from './domain/adversaryCountries';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm');
const windowSchema = z.strictObject({ start: hhmm, end: hhmm }).refine((w) => w.start < w.end, 'start must be before end');
const e164 = z.string().transform((v, ctx) => {
  const p = parsePhone(v);
  if (!p.ok) {
    ctx.addIssue({ code: 'custom', message: p.error });
    return z.NEVER;
  }
  return p.e164;
});
const csv = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string()),
);
const bool = z.preprocess((v) => (typeof v === 'string' ? /^(1|true|yes|on)$/i.test(v) : v), z.boolean());

export const entitySchema = z.strictObject({
  name: z.string().trim().min(1),
  /** Org the entity's carrier traffic belongs to; default: the default org. */
  org_id: z.string().optional(),
  numbers: z.array(e164).default([]),
  twilio_account_sids: z.array(z.string()).default([]),
  twilio_messaging_service_sids: z.array(z.string()).default([]),
  telnyx_connection_ids: z.array(z.string()).default([]),
  telnyx_messaging_profile_ids: z.array(z.string()).default([]),
  /**
   * The SHA-256 (hex) of each Telnyx API key whose traffic is this entity's org's. A Telnyx
   * request names no account in its path, so its key is the account; only a digest is configured.
   */
  telnyx_api_key_sha256: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9a-fA-F]{64}$/, 'must be the SHA-256 of a Telnyx API key, 64 hex digits')
        .transform((h) => h.toLowerCase()),
    )
    .default([]),
  purpose: z.enum(PURPOSES).optional(),
  call_type: z.enum(CALL_TYPES).optional(),
  message_type: z.enum(MESSAGE_TYPES).optional(),
  disclosure: z.union([z.string().min(1), z.strictObject({ text: z.string().min(1), version: z.string().optional() })]).optional(),
  /** false: the entity's Twilio and Telnyx calls are not transcribed, so a spoken "stop" is heard only where the app streams its transcript. */
  transcribe: z.boolean().optional(),
});
export type EntityConfig = z.output<typeof entitySchema>;

const subscriberSchema = z.strictObject({ url: z.url(), secret: z.string().min(16, 'must be at least 16 characters') });

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  STORE: z.enum(['sqlite', 'redis']).default('sqlite'),
  /** SQLite: the memory map of the ledger file; one larger than this when the gateway starts is not mapped (0 = none; see mapSize). */
  SQLITE_MMAP_MB: z.coerce.number().int().min(0).max(65536).default(256),
  REDIS_URL: z.string().optional(),
  REDIS_CLUSTER_NODES: csv.optional(),
  /** host:port of Redis Sentinels (or put them in REDIS_URL as redis+sentinel://h:26379,h:26379/mymaster). */
  REDIS_SENTINELS: csv.optional(),
  REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
  /** A Redis command that has not answered by then fails (503 UNAVAILABLE), so a hung store never hangs a call. */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(1000),
  REDIS_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  /** Prepended to every Redis key, so deployments can share a server. */
  REDIS_KEY_PREFIX: z.string().default('cg:'),
  /** Redis: decisions expire after this many days (their audit chain entries stay). Unset = kept. */
  DECISION_RETENTION_DAYS: z.coerce.number().positive().optional(),
  /** How often queued opt-outs (Redis down) are retried. */
  FALLBACK_DRAIN_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  PUBLIC_BASE_URL: z.url().optional(),
  TWILIO_API_BASE: z.url().default('https://api.twilio.com'),
  /** The deployment's own Twilio account: its traffic is the default org's, and its Basic auth is checked against TWILIO_AUTH_TOKEN. */
  TWILIO_ACCOUNT_SID: z
    .string()
    .trim()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC followed by 32 hex digits)')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_APP_URL: z.url().optional(),
  /** An API key (SK…) and its secret for the calls the gateway itself makes to Twilio (ending a call after a spoken opt-out); default: the account SID and TWILIO_AUTH_TOKEN. */
  TWILIO_API_KEY: z
    .string()
    .trim()
    .regex(/^SK[0-9a-fA-F]{32}$/, 'must be a Twilio API key SID (SK followed by 32 hex digits)')
    .optional(),
  TWILIO_API_SECRET: z.string().min(1).optional(),
  /** off: gated Twilio and Telnyx calls are not transcribed (no transcription cost, and no spoken "stop" heard on calls whose app does not stream its transcript). */
  TRANSCRIBE_CALLS: z.enum(['on', 'off']).default('on'),
  /** Signs the URLs the gateway hands carriers (rewritten call Url, relay sockets). Default: derived from TWILIO_AUTH_TOKEN. */
  GATEWAY_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Where requests for Twilio's other API domains go (`/twilio/upstream/{host}/…`, host a
   * *.twilio.com name). `{host}` is replaced; default `https://{host}`. Tests point it at an emulator.
   */
  TWILIO_DOMAIN_UPSTREAM: z
    .string()
    .regex(/^https?:\/\/.*\{host\}|^https?:\/\/[^{}]+$/, 'must be an http(s) URL, optionally with {host}')
    .default('https://{host}'),
  TELNYX_API_BASE: z.url().default('https://api.telnyx.com'),
  TELNYX_PUBLIC_KEY: z.string().optional(),
  TELNYX_API_KEY: z.string().optional(),
  TELNYX_APP_URL: z.url().optional(),
  /** Voice and language of what the gateway itself says on Telnyx calls (the disclosure, an opt-out confirmation). */
  TELNYX_SPEAK_VOICE: z.string().min(1).default('AWS.Polly.Joanna-Neural'),
  TELNYX_SPEAK_LANGUAGE: z.string().min(1).default('en-US'),
  CONSENT_GATE_API_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(6000),
  REVOKE_RATE_FLOOR_PER_MINUTE: z.coerce.number().int().positive().default(6000),
  /** Failed authentications (401, or 403 off a key's allowlist) one client address may make a minute before it is answered 429. */
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(20),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  /**
   * A registry do-not-call copy more than 31 days old: `block` the contacts it covers (do_not_call
   * with stale: true), or `warn` (let them through with a compliance note).
   */
  DNC_STALE_POLICY: z.enum(['block', 'warn']).default('block'),
  /** A consent older than this many days is relied on only once a reassigned-number source says the number was not disconnected since. */
  REASSIGNED_CHECK_AFTER_DAYS: z.coerce.number().int().min(0).default(30),
  /** `twilio`: ask Twilio Lookup v2's `reassigned_number` (with the account's credentials) where the org imported no RND result for the number. */
  REASSIGNED_SOURCE: z.enum(['twilio']).optional(),
  /** Twilio Lookup's base URL (tests point it at an emulator). */
  TWILIO_LOOKUP_BASE: z.url().default('https://lookups.twilio.com'),
  /** A reassigned-number source that cannot be reached: `block` the contact (number_reassigned, source_unavailable) or `allow` it with a compliance note. */
  REASSIGNED_ON_ERROR: z.enum(['block', 'allow']).default('block'),
  /** The CSV import's body limit (POST /v1/consents/import), measured after inflating a compressed body. */
  IMPORT_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024 * 1024),
  /** A client must have sent its request headers within this long, or the connection is closed. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** A client must have sent its whole request (headers and body, a CSV import included) within this long. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** An idle keep-alive connection is closed after this long (behind a load balancer: longer than its idle timeout). */
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** When set, /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SMS_DAILY_CAP: z.coerce.number().int().positive().default(3),
  MONTHLY_QUOTA: z.coerce.number().int().positive().optional(),
  ADVERSARY_COUNTRIES: csv.default(DEFAULT_ADVERSARY_COUNTRIES),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  APP_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  RETENTION_DAYS: z.coerce.number().int().positive().optional(),
  /** Keys the hash that replaces the phone of anonymised records (HMAC-SHA256); required with RETENTION_DAYS, never to be changed. */
  RETENTION_SECRET: z.string().min(16).optional(),
  /** How often the retention job runs while the gateway is up. */
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().positive().default(60),
  /** Signs evidence links (`evidence_url?exp=&sig=`) that open without an API key. Default: derived from CONSENT_GATE_API_KEY; neither = unsigned links. */
  EVIDENCE_LINK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long a signed evidence link stays valid. */
  EVIDENCE_LINK_DAYS: z.coerce.number().int().min(1).max(366).default(7),
  /** On SIGTERM, requests still running after this long are cut off. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  METRICS_DEFAULT: bool.default(true),
  NETWORK_POLL_MS: z.coerce.number().int().min(50).default(2000),
  calling_window: windowSchema.default({ start: '08:00', end: '21:00' }),
  sms_window: windowSchema.default({ start: '08:00', end: '21:00' }),
  consent_max_age_months: z.partialRecord(z.enum(CONSENT_TYPES), z.number().int().positive().nullable()).default({}),
  entities: z.array(entitySchema).default([]),
  network_subscribers: z.array(subscriberSchema).default([]),
});

export type Config = z.output<typeof configSchema>;

const ENV_KEYS = Object.keys(configSchema.shape).filter((k) => k === k.toUpperCase());

/** Reads the file (if any) and the environment into a validated Config, or throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  let fromFile: Record<string, unknown> = {};
  const file = env.CONSENT_GATE_CONFIG;
  if (file) {
    try {
      fromFile = JSON.parse(readFileSync(resolve(file), 'utf8'));
    } catch (err) {
      throw new ConfigError([`CONSENT_GATE_CONFIG: cannot read ${file}: ${(err as Error).message}`]);
    }
    if (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile)) {
      throw new ConfigError([`CONSENT_GATE_CONFIG: ${file} must hold a JSON object`]);
    }
  }
  const merged: Record<string, unknown> = { ...fromFile };
  for (const key of ENV_KEYS) if (env[key] !== undefined && env[key] !== '') merged[key] = env[key];
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const config = result.data;
  const problems: string[] = [];
  if (config.STORE === 'redis' && !config.REDIS_URL && !config.REDIS_CLUSTER_NODES?.length && !config.REDIS_SENTINELS?.length) {
    problems.push('REDIS_URL: required when STORE=redis (or set REDIS_CLUSTER_NODES or REDIS_SENTINELS)');
  }
  if (config.REDIS_URL && !/^(rediss?|redis\+sentinel):\/\//.test(config.REDIS_URL)) {
    problems.push('REDIS_URL: must start with redis://, rediss:// or redis+sentinel://');
  }
  if (config.RETENTION_DAYS && !config.RETENTION_SECRET) {
    problems.push('RETENTION_SECRET: required when RETENTION_DAYS is set (at least 16 characters; it keys the hash that keeps anonymised opt-outs blocked)');
  }
  if (config.HEADERS_TIMEOUT_MS > config.REQUEST_TIMEOUT_MS) {
    problems.push('HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS (the headers are part of the request)');
  }
  if (
    config.REASSIGNED_SOURCE === 'twilio' &&
    !(config.TWILIO_API_KEY && config.TWILIO_API_SECRET) &&
    !(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN)
  ) {
    problems.push(
      'REASSIGNED_SOURCE: twilio needs the account credentials Lookup is asked with (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET)',
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
