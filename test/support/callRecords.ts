/**
 * Call events are recorded beside the webhook or frame that saw them, not before its answer: a test
 * reads a call's record once it holds what the test sent, polling the API a bounded number of times.
 */
export async function settledCallRecord(
  baseUrl: string,
  auth: Record<string, string>,
  id: string,
  until: (record: { events: { kind: string }[] } & Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  let last: unknown;
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${baseUrl}/v1/calls/${encodeURIComponent(id)}`, { headers: auth });
    last = await res.json();
    if (res.status === 200 && until(last as { events: { kind: string }[] })) return last as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`call ${id} never held what the test sent: ${JSON.stringify(last)}`);
}

/** A predicate: the record holds `n` events. */
export const withEvents = (n: number) => (r: { events: { kind: string }[] }) => r.events.length >= n;
