/**
 * Progress of long work (an import, a ledger upgrade): a bar with rate and ETA on a terminal
 * (cli-progress, sized by the bytes of the file read so far), plain lines
 * every few seconds otherwise (logs, CI), always on stderr so stdout stays
 * the command's answer.
 */
import { Presets, SingleBar } from 'cli-progress';
import { CliError, type Io } from './runtime';

export interface ProgressState {
  bytes: number;
  rows: number;
  rejected: number;
}

const PROGRESS_MODES = ['auto', 'bar', 'lines', 'none'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

/** The `--progress` option every long command takes: its flags, help and default. */
export const PROGRESS_OPTION = ['--progress <mode>', 'auto (a bar on a terminal, lines otherwise), bar, lines or none', 'auto'] as const;

/** A `--progress` value, or a usage error naming the modes. */
export function progressMode(value: string): ProgressMode {
  if (!(PROGRESS_MODES as readonly string[]).includes(value)) throw new CliError(`--progress: must be ${PROGRESS_MODES.slice(0, -1).join(', ')} or none`);
  return value as ProgressMode;
}

export interface ProgressReporter {
  /** Called as often as you like; the reporter draws at its own pace. */
  update(state: ProgressState): void;
  stop(): void;
}

export interface ProgressOptions {
  /** What the bar measures; an import gives the file's size (`bytes` is what has been read). */
  totalBytes?: number;
  mode?: ProgressMode;
  intervalMs?: number;
  now?: () => number;
  /** Names the work in the plain lines (default `import`). */
  label?: string;
  /** Whether rejected rows are part of the work (default: yes, an import's). */
  rejections?: boolean;
}

export function progressReporter(io: Io, options: ProgressOptions): ProgressReporter {
  const mode = options.mode === 'auto' || !options.mode ? (io.err.isTTY ? 'bar' : 'lines') : options.mode;
  const now = options.now ?? Date.now;
  const started = now();
  let state: ProgressState = { bytes: 0, rows: 0, rejected: 0 };
  const rate = () => Math.round(state.rows / Math.max((now() - started) / 1000, 0.001));
  const rejections = options.rejections ?? true;
  if (mode === 'none') return { update: () => {}, stop: () => {} };

  if (mode === 'bar' && options.totalBytes) {
    const bar = new SingleBar(
      {
        stream: io.err,
        format: ` {bar} {percentage}% | {rows} rows | {rate} rows/s${rejections ? ' | {rejected} rejected' : ''} | ETA {eta_formatted}`,
        barsize: 30,
        hideCursor: true,
        etaBuffer: 50,
        fps: 10,
      },
      Presets.shades_classic,
    );
    bar.start(options.totalBytes, 0, { rows: 0, rate: 0, rejected: 0 });
    return {
      update(s) {
        state = s;
        bar.update(Math.min(s.bytes, options.totalBytes!), { rows: s.rows, rate: rate(), rejected: s.rejected });
      },
      stop() {
        bar.update(options.totalBytes!, { rows: state.rows, rate: rate(), rejected: state.rejected });
        bar.stop();
      },
    };
  }

  const line = () => {
    const pct = options.totalBytes ? ` (${Math.floor((100 * Math.min(state.bytes, options.totalBytes)) / options.totalBytes)}%)` : '';
    const r = rate();
    const eta =
      options.totalBytes && state.bytes > 0 && state.bytes < options.totalBytes
        ? `, ETA ${Math.ceil(((now() - started) / 1000) * (options.totalBytes / state.bytes - 1))}s`
        : '';
    io.err.write(`${options.label ?? 'import'}: ${state.rows} rows${pct}, ${r} rows/s${eta}${rejections ? `, ${state.rejected} rejected` : ''}\n`);
  };
  const timer = setInterval(line, options.intervalMs ?? 2000);
  timer.unref();
  return {
    update(s) {
      state = s;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
