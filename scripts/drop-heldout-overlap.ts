/**
 * `npx tsx scripts/drop-heldout-overlap.ts` — removes from the development set every line that repeats
 * a held-out utterance once normalised, and prints only how many it removed: the writer of
 * development lines never sees which of their phrasings the held-out set holds. Run it after adding
 * development lines, when the overlap test of the held-out set fails.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { devLinesRepeatingHeldout, parseEvalSet } from '../src/domain/optout/eval/score';

const devPath = fileURLToPath(new URL('../src/domain/optout/eval/dev.jsonl', import.meta.url));
const heldoutPath = fileURLToPath(new URL('../src/domain/optout/eval/heldout.jsonl', import.meta.url));

const devText = readFileSync(devPath, 'utf8');
const lines = devText.split('\n').filter((line) => line.trim() !== '');
const dev = parseEvalSet(devText);
if (dev.length !== lines.length) throw new Error('dev.jsonl: a line did not parse as one utterance; fix it first');
const drop = new Set(devLinesRepeatingHeldout(dev, parseEvalSet(readFileSync(heldoutPath, 'utf8'))));
if (drop.size === 0) {
  console.log('no development line repeats a held-out one');
} else {
  // Written beside and renamed over, so an interrupted run leaves the old file whole.
  writeFileSync(`${devPath}.tmp`, `${lines.filter((_, i) => !drop.has(i)).join('\n')}\n`);
  renameSync(`${devPath}.tmp`, devPath);
  console.log(`removed ${drop.size} development line(s) that repeat held-out ones; re-train with npm run train:optout`);
}
