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
 * Last, every quoted string of the detector's test files (most are the
 * utterances its tests hold it to; the others cost a line each) on both
 * channels.
 *
 * Default output: .tmp/optout-snapshot.txt (not kept in git). Compare with
 * `cmp` or `diff`: a faster detector must leave the file byte for byte the same.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectOptOut } from '../src/domain/optout';
import { detectRules } from '../src/domain/optout/detectOptOut';
import { parseEvalSet } from '../src/domain/optout/eval/score';
import type { OptOutChannel, OptOutResult } from '../src/domain/optout';

const SET_PATH = fileURLToPath(new URL('../src/domain/optout/eval/dev.jsonl', import.meta.url));
const TESTS_DIR = fileURLToPath(new URL('../src/domain/optout/', import.meta.url));
/** A single- or double-quoted string on one line, escapes and all (JSON.parse reads it once requoted). */
const QUOTED = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g;
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

const quoted = new Set<string>();
for (const file of readdirSync(TESTS_DIR)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()) {
  for (const m of readFileSync(`${TESTS_DIR}${file}`, 'utf8').matchAll(QUOTED)) {
    const body = m[1] ?? m[2];
    try {
      quoted.add(JSON.parse(`"${body.replaceAll('"', '\\"').replaceAll("\\'", "'")}"`));
    } catch {
      quoted.add(body);
    }
  }
}
for (const text of quoted) {
  for (const channel of CHANNELS) lines.push(`test\t${JSON.stringify(text)}\t${channel}\tdetect\t${show(detectOptOut(text, { channel }))}`);
}

const out = process.argv[2] ?? DEFAULT_OUT;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} outcomes of ${set.length} utterances written to ${out}`);
