/**
 * The lookup half of the do-not-call row: opens the lists in argv[2] as a
 * gateway does (every bitmap read into memory), then times `isListed` alone
 * over numbers half of which are listed. Prints the result as JSON.
 */
import { DEFAULT_ORG_ID } from '../../src/gate/bootstrap';
import { FileDncStore } from '../../src/ledger/dnc/fileDncStore';
import { syntheticLocal } from '../scenarios/dnc';
import { round } from '../lib/stats';

const areaCodes = Number(process.argv[3]);
const loadStarted = performance.now();
const store = new FileDncStore(process.argv[2]);
await store.load();
const loadSeconds = (performance.now() - loadStarted) / 1000;
const rssMb = process.memoryUsage().rss / 2 ** 20;

const LOOKUPS = 1_000_000;
// Listed (an early number of an area code's share) and unlisted (exchange 199 is never used) in turn.
const phones = Array.from({ length: 10_000 }, (_, i) => `+1${200 + (i % areaCodes)}${i % 2 ? '1990000' : String(syntheticLocal(i))}`);
let listed = 0;
// The CLI imported into the default org, the only one of the bench's fresh ledger.
for (let i = 0; i < 20_000; i++) if (await store.isListed(DEFAULT_ORG_ID, 'national', phones[i % phones.length])) listed++;
listed = 0;
const started = process.hrtime.bigint();
for (let i = 0; i < LOOKUPS; i++) if (await store.isListed(DEFAULT_ORG_ID, 'national', phones[i % phones.length])) listed++;
const ns = Number(process.hrtime.bigint() - started) / LOOKUPS;
process.stdout.write(
  JSON.stringify({ load_seconds: round(loadSeconds, 2), rss_mb: round(rssMb, 1), lookups: LOOKUPS, ns_per_lookup: round(ns, 1), listed }) + '\n',
);
