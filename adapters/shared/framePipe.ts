/**
 * Sends websocket frames from one socket to another without letting a slow
 * reader grow the gateway's memory: when the destination has more than
 * `highWaterBytes` queued, the source is paused (TCP back-pressure reaches
 * the sender); it resumes once the queue drains below `lowWaterBytes`.
 * Frames are relayed unchanged — text stays text, binary stays binary.
 */
import WebSocket from 'ws';

export interface FlowLimits {
  highWaterBytes: number;
  lowWaterBytes: number;
}

export const DEFAULT_FLOW_LIMITS: FlowLimits = { highWaterBytes: 1024 * 1024, lowWaterBytes: 256 * 1024 };

/** Sends one frame to `to`, pausing `from` while `to` is backed up. False when `to` is not open. */
export function sendWithBackPressure(
  from: WebSocket,
  to: WebSocket,
  data: WebSocket.RawData | string,
  isBinary: boolean,
  limits: FlowLimits = DEFAULT_FLOW_LIMITS,
): boolean {
  if (to.readyState !== WebSocket.OPEN) return false;
  to.send(data, { binary: isBinary }, () => {
    if (from.isPaused && to.bufferedAmount <= limits.lowWaterBytes) from.resume();
  });
  if (to.bufferedAmount > limits.highWaterBytes && !from.isPaused) from.pause();
  return true;
}

/** A close code we may send: the ones reserved for the protocol itself (1005, 1006, 1015) are not. */
export function sendableCloseCode(code: number): number {
  if (code === 1000 || (code >= 1001 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999)) return code;
  return 1000;
}

/** Close reasons are at most 123 bytes (RFC 6455 §5.5). */
export function closeReason(reason: string): string {
  let r = reason;
  while (Buffer.byteLength(r) > 123) r = r.slice(0, -1);
  return r;
}
