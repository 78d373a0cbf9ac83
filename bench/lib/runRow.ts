import type { BenchContext } from './context';
import type { RowName } from './options';

/**
 * Runs one row when --only selected it. A row that throws is a harness failure: recorded, shown in the
 * table in its place, and the run goes on to the next row (the exit code says it failed).
 */
export async function runRow(ctx: BenchContext, name: RowName, fn: (ctx: BenchContext) => Promise<void>): Promise<void> {
  if (!ctx.options.only.has(name)) return;
  ctx.log(`— ${name}`);
  try {
    await fn(ctx);
  } catch (err) {
    const message = (err as Error).stack ?? String(err);
    ctx.report.failures.push(`${name}: ${message}`);
    ctx.log(`${name} FAILED: ${message}`);
    ctx.report.results[name] = { error: (err as Error).message };
    ctx.report.table.push({ scenario: name, baseline: '', figure: `FAILED: ${(err as Error).message.split('\n')[0].slice(0, 80)}`, target: '' });
  }
}
