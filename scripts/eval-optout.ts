/**
 * `npm run eval:optout` — scores detectOptOut against the labelled set
 * (src/domain/optout/eval/dev.jsonl) and lists every false alarm and
 * miss. Exits 1 when opt-out recall < 0.99 or the false-alarm rate > 1%.
 *
 * Flags: --lang-hint  pass each utterance's lang as the hint (default: no hint,
 *                     the harder case: every language is tried).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectOptOut } from '../src/domain/optout';
import { evaluate, parseEvalSet, thresholdFailures, type OptOutScore, type Outcome } from '../src/domain/optout/eval/score';

const SET_PATH = fileURLToPath(new URL('../src/domain/optout/eval/dev.jsonl', import.meta.url));

const useLangHint = process.argv.includes('--lang-hint');
const set = parseEvalSet(readFileSync(SET_PATH, 'utf8'));
const report = evaluate(set, detectOptOut, useLangHint);

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);

function row(name: string, s: OptOutScore): string {
  return [
    name.padEnd(12),
    String(s.n).padStart(5),
    String(s.truePositives + s.falseNegatives).padStart(8),
    pct(s.precision),
    pct(s.recall),
    pct(s.falseAlarmRate),
    `${String(s.falsePositives).padStart(4)} FA`,
    `${String(s.falseNegatives).padStart(4)} miss`,
  ].join('  ');
}

function listing(title: string, outcomes: readonly Outcome[]): void {
  console.log(`\n${title} (${outcomes.length})`);
  for (const { utterance: u, result: r } of outcomes) {
    const note = u.note ? `  — ${u.note}` : '';
    console.log(`  [${u.channel}/${u.lang}] ${JSON.stringify(u.text)}  label=${u.label} got=${r.intent} ${r.matched ?? ''}${note}`);
  }
}

console.log(`opt-out detection: ${set.length} utterances, ${useLangHint ? 'with' : 'without'} language hint\n`);
console.log(['group'.padEnd(12), '    n', 'opt_outs', 'precision', ' recall', ' FA rate'].join('  '));
console.log(row('overall', report.overall));
for (const [k, s] of Object.entries(report.byChannel)) console.log(row(k, s));
for (const [k, s] of Object.entries(report.byLang)) console.log(row(k, s));
for (const [k, s] of Object.entries(report.byChannelAndLang)) console.log(row(k, s));

const { opt_in, help } = report.intents;
console.log(`\nintent accuracy: opt_in ${opt_in.correct}/${opt_in.total} (${pct(opt_in.accuracy).trim()}), help ${help.correct}/${help.total} (${pct(help.accuracy).trim()})`);

listing('False alarms', report.falseAlarms);
listing('Misses', report.misses);
listing('Other intent errors (opt_in / help)', report.otherIntentErrors);

const failures = thresholdFailures(report);
if (failures.length > 0) {
  console.log(`\nFAIL: ${failures.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log('\nPASS: recall ≥ 99% and false alarms ≤ 1%');
}
