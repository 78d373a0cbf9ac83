/**
 * The Lua scripts, one file per family, and the one place they are loaded.
 * Each runs atomically on one hash slot (all its KEYS share one tag, see
 * ../keys.ts). ioredis `defineCommand` loads each once and calls it by SHA
 * (EVALSHA, falling back to EVAL after a restart flushed the script cache).
 *
 * Callers use the typed wrapper each family exports next to its scripts:
 * the wrapper knows the order of KEYS and ARGV and names the reply codes,
 * so no caller spells a script name or compares a bare number.
 *
 * Scripts without `numberOfKeys` take a variable number of KEYS (the
 * retention moves name one key per decision document); every KEY of one
 * call still shares one tag.
 */
import type { RedisClient } from '../connection';
import { KEY_SCRIPTS } from './apiKeys';
import { CALL_SCRIPTS } from './calls';
import { CONDITIONAL_DELETE_SCRIPTS } from './conditionalDelete';
import { CONSOLE_SESSION_SCRIPTS } from './consoleSessions';
import { COUNTER_SCRIPTS } from './counters';
import { COVERED_SCRIPTS } from './coveredContacts';
import { EMERGENCY_SCRIPTS } from './emergencies';
import { INDEX_SCRIPTS } from './indexes';
import { MOVE_SCRIPTS } from './moves';
import { OUTBOX_SCRIPTS } from './outbox';
import { RECORD_SCRIPTS } from './records';
import { SUBJECT_READ_SCRIPTS } from './subjectReads';
import { defineScripts, type RunScript, type ScriptDef } from './runner';

export const SCRIPTS = {
  ...RECORD_SCRIPTS,
  ...INDEX_SCRIPTS,
  ...COUNTER_SCRIPTS,
  ...OUTBOX_SCRIPTS,
  ...KEY_SCRIPTS,
  ...SUBJECT_READ_SCRIPTS,
  ...MOVE_SCRIPTS,
  ...CONDITIONAL_DELETE_SCRIPTS,
  ...COVERED_SCRIPTS,
  ...EMERGENCY_SCRIPTS,
  ...CALL_SCRIPTS,
  ...CONSOLE_SESSION_SCRIPTS,
} satisfies Record<string, ScriptDef>;

export type ScriptName = keyof typeof SCRIPTS;

/** Runs any of the engine's scripts; handed to the family wrappers. */
export type ScriptRunner = RunScript<ScriptName>;

/** Loads every script on `client`. */
export const loadScripts = (client: RedisClient): ScriptRunner => defineScripts(client, SCRIPTS);
