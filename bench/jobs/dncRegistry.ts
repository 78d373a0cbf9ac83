/**
 * Builds a synthetic national registry straight through the do-not-call store (no file to parse,
 * no HTTP), as the gateway of the dnc-decisions row will read it: argv[2] the lists' directory
 * (DATA_DIR/dnc), argv[3] how many numbers, argv[4] over how many area codes, argv[5] the copy's
 * date. Area code 212 (the bench's consumers) comes first; the numbers of each area code are the
 * same as the dnc row's file (scenarios/dnc.ts). Imported a batch of area codes at a time, so the
 * builder holds a batch's bitmaps, not the registry's. Prints JSON.
 */
import { DEFAULT_ORG_ID } from '../../src/gate/bootstrap';
import { FileDncStore } from '../../src/ledger/dnc/fileDncStore';
import { round } from '../lib/stats';
import { registryAreaCodes, syntheticLocal } from '../scenarios/dnc';

const [dir, numbersArg, areaCodesArg, asOf] = process.argv.slice(2);
const numbers = Number(numbersArg);
const codes = registryAreaCodes(Number(areaCodesArg));
const perCode = Math.ceil(numbers / codes.length);
const BATCH = 25;

const started = performance.now();
const store = new FileDncStore(dir);
let written = 0;
for (let b = 0; b < codes.length; b += BATCH) {
  const writer = store.startImport(DEFAULT_ORG_ID, 'national', 'full', asOf);
  for (const areaCode of codes.slice(b, b + BATCH)) {
    for (let i = 0; i < perCode && written < numbers; i++, written++) writer.add(areaCode, syntheticLocal(i));
  }
  await writer.commit();
}
await store.close();
process.stdout.write(`${JSON.stringify({ numbers: written, area_codes: codes.length, seconds: round((performance.now() - started) / 1000, 2) })}\n`);
