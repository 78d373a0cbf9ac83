/**
 * `npx tsx scripts/optout-snapshot.ts [out]` — every outcome of the opt-out
 * detector over the development set, one line per call, so a change meant
 * only to make the detector faster can be checked to change nothing:
 * snapshot before, snapshot after, compare the two files byte for byte.
 *
 * Each utterance is run on both channels, with and without its language as
 * the hint; the rules alone (`detectRules`, which the classifier's training
 * reads) are recorded too. Each utterance is also run joined to the next one,
 * so rules see longer texts with more words before and after a match.
 *
 * Default output: .tmp/optout-snapshot.txt (not kept in git).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectOptOut } from '../src/domain/optout';
import { detectRules } from '../src/domain/optout/detectOptOut';
import { parseEvalSet } from '../src/domain/optout/eval/score';
import type { OptOutChannel, OptOutResult } from '../src/domain/optout';

const SET_PATH = fileURLToPath(new URL('../src/domain/optout/eval/dev.jsonl', import.meta.url));
const DEFAULT_OUT = fileURLToPath(new URL('../.tmp/optout-snapshot.txt', import.meta.url));
const CHANNELS: readonly OptOutChannel[] = ['sms', 'voice'];

function show(r: OptOutResult | null): string {
  return r === null ? 'null' : `${r.intent}\t${r.matched}\t${r.lang ?? '-'}\t${r.confidence}`;
}

const set = parseEvalSet(readFileSync(SET_PATH, 'utf8'));
const lines: string[] = [];
set.forEach((u, i) => {
  const joined = `${u.text} ${set[(i + 1) % set.length].text}`;
  for (const channel of CHANNELS) {
    for (const lang of [undefined, u.lang]) {
      const opts = lang ? { channel, lang } : { channel };
      const hint = lang ?? '-';
      lines.push(`${i + 1}\t${channel}\t${hint}\tdetect\t${show(detectOptOut(u.text, opts))}`);
      lines.push(`${i + 1}\t${channel}\t${hint}\trules\t${show(detectRules(u.text, opts))}`);
    }
    lines.push(`${i + 1}+\t${channel}\t-\tdetect\t${show(detectOptOut(joined, { channel }))}`);
  }
});

const out = process.argv[2] ?? DEFAULT_OUT;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} outcomes of ${set.length} utterances written to ${out}`);
