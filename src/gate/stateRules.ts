/**
 * The state rule set the gateway decides under: reference/state-rules.json, read
 * and validated once. A file that does not validate stops the gateway at
 * start with one line per problem (the rule and the field): deciding under
 * a rule read wrong would allow what the law forbids.
 */
import { readFileSync } from 'node:fs';
import { parseRuleSet, type CompiledRuleSet } from '../domain/stateLaw/ruleSet';
import { ConfigError } from '../errors';
import { packageFile } from '../packageFile';

export const STATE_RULES_FILE = packageFile('reference/state-rules.json');

const loaded = new Map<string, CompiledRuleSet>();

export function loadStateRules(path: string = STATE_RULES_FILE): CompiledRuleSet {
  const known = loaded.get(path);
  if (known) return known;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError([`state rules (${path}): ${(err as Error).message}`]);
  }
  const parsed = parseRuleSet(raw);
  if (!parsed.ok) throw new ConfigError(parsed.problems.map((p) => `state rules (${path}): ${p}`));
  loaded.set(path, parsed.ruleSet);
  return parsed.ruleSet;
}
