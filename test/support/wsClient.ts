/** A real `ws` client that collects frames and waits for the next one, with bounded waits. */
import WebSocket from 'ws';

export class FrameClient {
  /** Every frame received, in order. */
  readonly frames: Record<string, unknown>[] = [];
  /** Received but not yet taken by next(). */
  private unread: Record<string, unknown>[] = [];
  private waiters: ((f: Record<string, unknown>) => void)[] = [];
  closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      this.frames.push(frame);
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.unread.push(frame);
    });
    this.closed = new Promise((res) => ws.on('close', (code, reason) => res({ code, reason: reason.toString() })));
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<FrameClient> {
    const ws = new WebSocket(url, { headers });
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
      ws.once('unexpected-response', (_req, resp) => rej(new Error(`HTTP ${resp.statusCode}`)));
    });
    return new FrameClient(ws);
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The next frame not yet taken, or a timeout error. */
  next(timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const ready = this.unread.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error('no frame within ' + timeoutMs + ' ms')), timeoutMs);
      this.waiters.push((f) => {
        clearTimeout(timer);
        res(f);
      });
    });
  }

  /** Sends a frame that expects no answer, then a probe that does, and returns what came before the probe's answer. */
  async quietAfter(frames: unknown[]): Promise<Record<string, unknown>[]> {
    this.unread = [];
    const before = this.frames.length;
    for (const f of frames) this.send(f);
    // An unknown call id always answers an error: when it arrives, everything sent earlier has been handled.
    this.send({ type: 'stop', call_id: '__probe__' });
    for (;;) {
      const f = await this.next();
      if (f.type === 'error' && f.call_id === '__probe__') break;
    }
    return this.frames.slice(before, -1);
  }

  close(): void {
    this.ws.close();
  }
}
