/**
 * Fixed-rate load, open loop: requests leave evenly spaced, 1/rate apart,
 * whether or not earlier ones have been answered (each on an idle
 * keep-alive socket, a new one opened when none is idle).
 *
 * Why not autocannon's `overallRate`: it gives each connection a budget per
 * second and lets it send back to back until the budget is spent, then
 * pauses to the next second. At "50%" the server is therefore saturated
 * for the first half of every second and idle for the second half, and the
 * latency measured is the latency at peak with that many connections.
 * Evenly spaced arrivals are what "at half the peak rate" means.
 *
 * The client is raw sockets and prebuilt request bytes, as light as
 * autocannon's, so the load generator's own pauses stay out of the figures
 * as far as possible on a machine with few cores. Latency runs from the write to
 * the last byte of the answer.
 */
import { connect, type Socket } from 'node:net';
import { round, Samples, summarize } from './stats';
import type { LoadResult } from './load';

export interface PacedSpec {
  url: string;
  path: string;
  headers?: Record<string, string>;
  body: () => string;
  rate: number;
  durationS: number;
  maxRequests?: number;
  /** Sockets opened at most; a request due when all are busy waits for one (and that wait counts as latency). */
  maxConnections?: number;
  accept?: (status: number, body: string) => boolean;
}

export interface PacedResult extends LoadResult {
  /** How late requests left against their schedule (the generator's own delay), ms. */
  schedule_lag_ms: { p50: number; p99: number };
  max_in_flight: number;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

interface Conn {
  socket: Socket;
  buf: Buffer;
  busy: boolean;
  started: number;
  onDone: ((status: number, body: Buffer | null) => void) | null;
}

export async function runPaced(spec: PacedSpec): Promise<PacedResult> {
  const target = new URL(spec.url);
  const port = Number(target.port);
  const maxConnections = spec.maxConnections ?? 256;
  const head = (body: string) =>
    `POST ${spec.path} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\nContent-Type: application/json\r\n` +
    Object.entries(spec.headers ?? {})
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const interval = 1000 / spec.rate;
  const total = Math.min(spec.maxRequests ?? Infinity, Math.floor(spec.rate * spec.durationS));
  const latency = new Samples();
  const lag = new Samples();
  const idle: Conn[] = [];
  const all: Conn[] = [];
  const waiting: ((conn: Conn) => void)[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let accepted = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let done = 0;
  let sent = 0;
  let opened = 0;

  const open = (): Conn => {
    const conn: Conn = { socket: connect({ port, host: target.hostname, noDelay: true }), buf: Buffer.alloc(0), busy: false, started: 0, onDone: null };
    conn.socket.on('data', (chunk: Buffer) => {
      conn.buf = conn.buf.length ? Buffer.concat([conn.buf, chunk]) : chunk;
      const end = conn.buf.indexOf(CRLFCRLF);
      if (end < 0) return;
      const headText = conn.buf.subarray(0, end).toString('latin1');
      const m = /\r\ncontent-length:\s*(\d+)/i.exec(headText);
      const length = m ? Number(m[1]) : 0;
      if (conn.buf.length < end + 4 + length) return;
      const status = Number(headText.slice(9, 12));
      const body = conn.buf.subarray(end + 4, end + 4 + length);
      conn.buf = conn.buf.subarray(end + 4 + length);
      conn.onDone?.(status, body);
    });
    const fail = () => {
      if (conn.busy) conn.onDone?.(0, null);
      const i = all.indexOf(conn);
      if (i >= 0) all.splice(i, 1);
      const j = idle.indexOf(conn);
      if (j >= 0) idle.splice(j, 1);
    };
    conn.socket.on('error', fail);
    conn.socket.on('close', fail);
    all.push(conn);
    opened++;
    return conn;
  };

  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const release = (conn: Conn) => {
      conn.busy = false;
      conn.onDone = null;
      const next = waiting.shift();
      if (next) next(conn);
      else idle.push(conn);
    };
    const send = (conn: Conn, scheduled: number) => {
      const bytes = head(spec.body());
      conn.busy = true;
      conn.started = performance.now();
      lag.push(conn.started - scheduled);
      conn.onDone = (status, body) => {
        const ms = performance.now() - conn.started;
        inFlight--;
        if (status >= 200 && status < 300) {
          ok++;
          latency.push(ms);
          if (body && spec.accept?.(status, body.toString())) accepted++;
        } else if (status === 0) errors++;
        else non2xx++;
        if (status !== 0) release(conn);
        if (++done === total) resolve();
      };
      conn.socket.write(bytes);
    };
    const fire = (scheduled: number) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const conn = idle.pop() ?? (all.length < maxConnections ? open() : null);
      if (conn) send(conn, scheduled);
      else waiting.push((c) => send(c, scheduled));
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - t0) / interval) + 1);
      while (sent < due) fire(t0 + sent++ * interval);
      if (sent < total) setTimeout(tick, Math.max(0, t0 + sent * interval - performance.now()));
    };
    if (total === 0) resolve();
    else tick();
  });
  const seconds = (performance.now() - t0) / 1000;
  for (const c of all) c.socket.destroy();
  const s = summarize(latency.view());
  const l = summarize(lag.view());
  return {
    connections: opened,
    duration_s: round(seconds, 3),
    target_rate: spec.rate,
    rps: round(ok / seconds, 1),
    ok,
    non2xx,
    errors,
    timeouts: 0,
    accepted: spec.accept ? (ok ? round(accepted / ok, 4) : 0) : null,
    latency_ms: { count: s.count, mean: round(s.mean, 3), p50: round(s.p50, 3), p90: round(s.p90, 3), p99: round(s.p99, 3), max: round(s.max, 3) },
    schedule_lag_ms: { p50: round(l.p50, 3), p99: round(l.p99, 3) },
    max_in_flight: maxInFlight,
  };
}
