/**
 * The gateway of gateway.ts with its SQLite checkpointer traced (checkpointer.ts CheckpointTrace): every
 * pass and every step of each rewind hold goes to BENCH_HOLD_TRACE as a JSON line, with the -wal
 * header's restart count when it was seen (holdTrace.ts takes the holds apart). BENCH_CHECKPOINT_INTERVAL_MS
 * and BENCH_REWIND_PAGES set the checkpointer's interval and rewind point, so that settings can be
 * compared in one run. The ledger is opened here, as openLedger would, so the hold metric is not fed.
 */
import { appendFileSync } from 'node:fs';
import { walRestarts } from '../lib/holdTrace';
import { loadConfig } from '../../src/config';
import { sqliteLedgerFile } from '../../src/ledger/open';
import { SqliteLedger } from '../../src/ledger/sqlite/sqliteLedger';
import { startGateway } from '../../src/server';
import { announceReady, exitOnSignal } from '../lib/proc';

const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
const file = sqliteLedgerFile(config);
const traceFile = process.env.BENCH_HOLD_TRACE ?? `${file}.trace.jsonl`;
const walSeq = () => walRestarts(file);
const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const ledger = new SqliteLedger({
  file,
  mmapBytes: config.SQLITE_MMAP_MB * 2 ** 20,
  checkpointIntervalMs: number('BENCH_CHECKPOINT_INTERVAL_MS'),
  rewindPages: number('BENCH_REWIND_PAGES'),
  onCheckpointTrace: (e) => appendFileSync(traceFile, `${JSON.stringify({ ...e, walSeq: walSeq() })}\n`),
});
const gateway = await startGateway(config, { ledger });
announceReady({ port: Number(new URL(gateway.url).port), store: gateway.ctx.ledger.engine, trace: traceFile });
exitOnSignal(() => gateway.close());
