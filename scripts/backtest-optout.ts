/**
 * `npm run backtest:optout` — how the whole opt-out detector (rules, then the
 * classifier) does on lines it had never seen, from the project's own
 * history. Each `Merge 26-…` that added development lines is a round: the
 * tree before the merge had rules and a development set that had never seen
 * those lines. The old tree's rules are run on them (cached under
 * .tmp/optout-backtest/, so only the first run checks old trees out), and
 * the classifier part is trained afresh, with this tree's training code, on
 * the old development set: classifier designs are compared on every round
 * without changing the old rules.
 *
 * Never the held-out set: it reads development lines only.
 *
 * Usage: npm run backtest:optout [-- --variants a,b] [--rounds N] [--until <commit>]
 * (`--until`: the merges up to that commit only, for figures that do not move as main does)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeForDetection } from '../src/domain/optout/detectOptOut';
import { parseEvalSet, type LabelledUtterance } from '../src/domain/optout/eval/score';
import { BACKTEST_VARIANTS, type OldOutcome, type RoundResult, scoreRound, type Tally } from './optoutBacktestVariants';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = `${ROOT}.tmp/optout-backtest`;
const DEV = 'src/domain/optout/eval/dev.jsonl';
const DETECTOR = 'src/domain/optout/detectOptOut.ts';
/**
 * Where a rule sets a phrase aside for its negation, in the old detectors (before and after the detector
 * kept its own flag for it): the patch records it where the backtest can read it.
 */
const RECORD = '(globalThis as { __optoutNegated?: boolean }).__optoutNegated = true;';
const NEGATION_PATCHES: ReadonlyArray<[string, string]> = [
  ['if (rule.negatable && lexicon.negation.test(before)) continue;', `if (rule.negatable && lexicon.negation.test(before)) { ${RECORD} continue; }`],
  ['      NEGATED.seen = true;\n', `      NEGATED.seen = true; ${RECORD}\n`],
];
/**
 * Where a rule sets a match aside with a guard (`notAfter`: what precedes it; `unless`: what follows), in
 * the shapes the old detectors took: the patch keeps the highest confidence of a rule so set aside.
 */
const guardRecord = (flag: string): string =>
  `{ const g = globalThis as { ${flag}?: number }; g.${flag} = Math.max(g.${flag} ?? 0, rule.confidence ?? 1); continue; }`;
const GUARD_PATCHES: ReadonlyArray<[string, string]> = [
  ['if (rule.notAfter?.test(before)) continue;', `if (rule.notAfter?.test(before)) ${guardRecord('__optoutNotAfter')}`],
  ['if (rule.unless?.test(text.slice(from))) continue;', `if (rule.unless?.test(text.slice(from))) ${guardRecord('__optoutUnless')}`],
  [
    'if (rule.unless?.test(text.slice(m.index + m[0].length))) continue;',
    `if (rule.unless?.test(text.slice(m.index + m[0].length))) ${guardRecord('__optoutUnless')}`,
  ],
];
/** Bumped when the old outcomes gain a field: cached outcomes of another version are computed again. */
const OUTCOMES_VERSION = 4;
/** Bounds the history walked, whatever the log holds. */
const MAX_ROUNDS = 40;

function git(...args: string[]): string {
  const r = spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

interface Round {
  merge: string;
  name: string;
  oldDev: LabelledUtterance[];
  fresh: LabelledUtterance[];
}

/** Rounds oldest first: merges of issue 26 that added development lines to a tree that had a rules-only entry point. */
function rounds(): Round[] {
  const merges = git('log', '--merges', '--format=%H %s', arg('--until') ?? 'main')
    .split('\n')
    .filter((l) => / Merge 26-/.test(l))
    .slice(0, MAX_ROUNDS)
    .reverse();
  const out: Round[] = [];
  for (const line of merges) {
    const merge = line.slice(0, 40);
    const name = (line.slice(41).match(/^Merge (26-[^:]+)/) ?? ['', '?'])[1];
    const added = git('diff', '--unified=0', `${merge}^1`, merge, '--', DEV)
      .split('\n')
      .filter((l) => l.startsWith('+') && !l.startsWith('+++'))
      .map((l) => l.slice(1));
    if (added.length === 0) continue;
    if (!git('show', `${merge}^1:${DETECTOR}`).includes('export function detectRules')) continue;
    const oldDev = parseEvalSet(git('show', `${merge}^1:${DEV}`));
    const known = new Set(oldDev.map((u) => normalizeForDetection(u.text)));
    const fresh: LabelledUtterance[] = [];
    for (const u of parseEvalSet(added.join('\n'))) {
      const key = normalizeForDetection(u.text);
      if (known.has(key)) continue;
      known.add(key);
      fresh.push(u);
    }
    out.push({ merge, name, oldDev, fresh });
  }
  return out;
}

interface CachedOutcomes {
  oldDev: OldOutcome[];
  fresh: OldOutcome[];
}

/** The old tree's rule outcomes for the round's lines: from the cache, or from a patched checkout of the old tree. */
function oldOutcomes(round: Round): CachedOutcomes {
  const file = `${CACHE}/${round.merge}.v${OUTCOMES_VERSION}.json`;
  if (existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedOutcomes;
    if (cached.oldDev.length === round.oldDev.length && cached.fresh.length === round.fresh.length) return cached;
  }
  mkdirSync(CACHE, { recursive: true });
  const tree = `/tmp/bt-${round.merge.slice(0, 12)}`;
  if (existsSync(tree)) git('worktree', 'remove', '--force', tree);
  git('worktree', 'add', '--detach', tree, `${round.merge}^1`);
  try {
    symlinkSync(`${ROOT}node_modules`, `${tree}/node_modules`);
    const detector = readFileSync(`${tree}/${DETECTOR}`, 'utf8');
    const patch = NEGATION_PATCHES.find(([line]) => detector.split(line).length === 2);
    if (!patch) throw new Error(`${round.name}: the old detector's negation line is not where the backtest expects it`);
    let patched = detector.replace(patch[0], patch[1]);
    for (const [line, replacement] of GUARD_PATCHES) patched = patched.replace(line, replacement);
    if (!patched.includes('__optoutNotAfter') || !patched.includes('__optoutUnless')) {
      throw new Error(`${round.name}: the old detector's guard lines are not where the backtest expects them`);
    }
    writeFileSync(`${tree}/${DETECTOR}`, patched);
    const run = (set: LabelledUtterance[], label: string): OldOutcome[] => {
      const input = `${CACHE}/${round.merge}.${label}.jsonl`;
      const output = `${CACHE}/${round.merge}.${label}.out.json`;
      writeFileSync(input, set.map((u) => JSON.stringify(u)).join('\n'));
      const r = spawnSync(process.execPath, ['--import', 'tsx', `${ROOT}scripts/optout-old-outcomes.ts`, tree, input, output], {
        cwd: tree,
        encoding: 'utf8',
        timeout: 600_000,
      });
      if (r.status !== 0) throw new Error(`${round.name}: old detector failed: ${r.stderr}`);
      const out = JSON.parse(readFileSync(output, 'utf8')) as OldOutcome[];
      rmSync(input);
      rmSync(output);
      return out;
    };
    const outcomes = { oldDev: run(round.oldDev, 'dev'), fresh: run(round.fresh, 'fresh') };
    writeFileSync(file, JSON.stringify(outcomes));
    return outcomes;
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const cost = (t: Tally): number => 2 * t.misses + t.falseAlarms;
const cell = (t: Tally): string => `${pct(t.positives - t.misses, t.positives)} ${pct(t.falseAlarms, t.negatives)} ${String(cost(t)).padStart(4)}`;

const wanted = (arg('--variants') ?? 'rules-only,shipped,before,current,guard-all').split(',');
for (const name of wanted) if (!BACKTEST_VARIANTS[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(BACKTEST_VARIANTS).join(', ')}`);
const all = rounds();
const chosen = all.slice(Math.max(0, all.length - Number(arg('--rounds') ?? all.length)));
const results: Array<{ round: Round; byVariant: Record<string, RoundResult> }> = [];
/** Rounds whose old tree could not run (a merge that left the detector broken), named at the end rather than stopping the others. */
const skipped: string[] = [];
for (const round of chosen) {
  let outcomes: CachedOutcomes;
  try {
    outcomes = oldOutcomes(round);
  } catch (err) {
    skipped.push(
      `${round.name}: ${
        String((err as Error).message)
          .split('\n')
          .find((l) => l.includes('ERROR')) ?? String(err).split('\n')[0]
      }`,
    );
    continue;
  }
  const byVariant: Record<string, RoundResult> = {};
  for (const name of wanted) byVariant[name] = scoreRound(BACKTEST_VARIANTS[name], round.merge, round.oldDev, outcomes.oldDev, round.fresh, outcomes.fresh);
  results.push({ round, byVariant });
  process.stderr.write(`${round.name} done\n`);
}

const header = `${'round'.padEnd(14)} ${'lines'.padStart(5)} ${'opt'.padStart(5)}  ${wanted.map((n) => n.slice(0, 20).padEnd(20)).join(' ')}`;
console.log('Per variant: recall, false alarms, cost (2 x misses + false alarms), on lines first seen in the round.');
console.log(header);
const total: Record<string, Tally> = {};
/** Per variant, per language and per channel, all rounds. */
const byGroup: Record<'byLang' | 'byChannel', Record<string, Record<string, Tally>>> = { byLang: {}, byChannel: {} };
const add = (into: Tally, t: Tally): void => {
  into.positives += t.positives;
  into.negatives += t.negatives;
  into.misses += t.misses;
  into.falseAlarms += t.falseAlarms;
};
const zero = (): Tally => ({ positives: 0, negatives: 0, misses: 0, falseAlarms: 0 });
let lines = 0;
let positives = 0;
for (const { round, byVariant } of results) {
  const t0 = byVariant[wanted[0]].total;
  lines += t0.positives + t0.negatives;
  positives += t0.positives;
  console.log(
    `${round.name.padEnd(14)} ${String(t0.positives + t0.negatives).padStart(5)} ${String(t0.positives).padStart(5)}  ${wanted.map((n) => cell(byVariant[n].total).padEnd(20)).join(' ')}`,
  );
  for (const n of wanted) {
    add((total[n] ??= zero()), byVariant[n].total);
    for (const g of ['byLang', 'byChannel'] as const) {
      for (const [key, t] of Object.entries(byVariant[n][g])) add(((byGroup[g][n] ??= {})[key] ??= zero()), t);
    }
  }
}
console.log(`${'TOTAL'.padEnd(14)} ${String(lines).padStart(5)} ${String(positives).padStart(5)}  ${wanted.map((n) => cell(total[n]).padEnd(20)).join(' ')}`);
console.log(`${'misses/alarms'.padEnd(26)}  ${wanted.map((n) => `${total[n].misses}/${total[n].falseAlarms}`.padEnd(20)).join(' ')}`);
for (const [title, g] of [
  ['language', 'byLang'],
  ['channel', 'byChannel'],
] as const) {
  const groups = byGroup[g];
  console.log(`\nBy ${title}, all rounds:`);
  for (const key of Object.keys(groups[wanted[0]] ?? {}).sort()) {
    const t0 = groups[wanted[0]][key];
    console.log(
      `${key.padEnd(14)} ${String(t0.positives + t0.negatives).padStart(5)} ${String(t0.positives).padStart(5)}  ${wanted.map((n) => cell(groups[n][key]).padEnd(20)).join(' ')}`,
    );
  }
}
for (const why of skipped) console.log(`skipped ${why}`);
