/**
 * A child process that queues opt-outs in the revocation fallback queue as fast as it can (a few
 * appends always in flight) and prints `ack <n> <phone>` for the n-th once `enqueue` has resolved:
 * what the gateway would acknowledge. Used by the crash test, which kills it mid-stream.
 *
 *   node --import tsx test/support/queueWriter.ts <queue file> <how many at most>
 */
import { FileRevocationQueue } from '../../src/gate/fallbackQueue';

const [file, most] = process.argv.slice(2);
const queue = new FileRevocationQueue(file);
const count = Number(most);
let next = 0;
const writer = async () => {
  while (next < count) {
    const n = next++;
    const phone = `+1212${String(5_000_000 + n)}`;
    await queue.enqueue({ orgId: 'org_default', phone, calling_entity: 'Acme Insurance LLC', trigger: 'sms_stop', transcript: 'STOP' });
    process.stdout.write(`ack ${n} ${phone}\n`);
  }
};
await Promise.all([writer(), writer(), writer(), writer()]);
