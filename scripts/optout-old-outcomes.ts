/**
 * Run by scripts/backtest-optout.ts inside an old tree of the project (a
 * detached worktree whose detector was patched to record when a rule set an
 * opt-out phrase aside for its negation): for every utterance of the given
 * JSONL file, what that tree's rules decided, whether a negated phrase was
 * met, and what the tree's whole detector, its own classifier included,
 * answered (and what the rule that decided named in `matched`, with its confidence), and the highest confidence of a rule whose match a guard set
 * aside (`notAfter`, `unless`; 0 when none). Writes one JSON array to the
 * output file.
 *
 * Usage: tsx scripts/optout-old-outcomes.ts <old tree> <utterances.jsonl> <out.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface Line {
  text: string;
  channel: 'sms' | 'voice';
}

type Detect = (text: string, opts: { channel: string; lang?: string }) => { intent: string; matched?: string | null; confidence?: number } | null;

/** Set by the patched detector when a rule's phrase is negated. */
const negatedSeen = (): boolean => (globalThis as { __optoutNegated?: boolean }).__optoutNegated === true;

const [tree, input, output] = process.argv.slice(2);
if (!tree || !input || !output) throw new Error('usage: optout-old-outcomes.ts <old tree> <utterances.jsonl> <out.json>');
const detector = (await import(pathToFileURL(`${tree}/src/domain/optout/detectOptOut.ts`).href)) as { detectOptOut: Detect; detectRules: Detect };
const flag = globalThis as { __optoutNegated?: boolean; __optoutNotAfter?: number; __optoutUnless?: number };
const lines = readFileSync(input, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Line);
const out = lines.map((u) => {
  // As eval:optout scores by default: no language hint.
  const opts = { channel: u.channel };
  flag.__optoutNegated = false;
  flag.__optoutNotAfter = 0;
  flag.__optoutUnless = 0;
  const rule = detector.detectRules(u.text, opts);
  const negated = negatedSeen();
  const notAfter = flag.__optoutNotAfter;
  const unless = flag.__optoutUnless;
  return {
    rule: rule?.intent ?? null,
    ruleMatched: rule?.matched ?? null,
    ruleConfidence: rule?.confidence ?? 0,
    negated,
    notAfter,
    unless,
    shipped: detector.detectOptOut(u.text, opts)?.intent ?? 'none',
  };
});
writeFileSync(output, JSON.stringify(out));
