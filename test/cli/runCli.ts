/** Runs the CLI in this process with captured output and an environment of its own. */
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/program';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export class Capture extends Writable {
  text = '';
  isTTY?: boolean;
  columns?: number;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const out = new Capture();
  const err = new Capture();
  const code = await runCli(args, { out, err, env });
  return { code, out: out.text, err: err.text };
}
