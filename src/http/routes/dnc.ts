/** Do-not-call lists, each the caller's org's own: import one (streamed, text/plain) and list what the org holds. */
import type { IncomingMessage } from 'node:http';
import type { GateContext } from '../../gate/context';
import { dncLists, importDncList } from '../../gate/dncImport';
import { withAge } from '../../gate/dncListAge';
import { route } from '../route';

export function dncRoutes(ctx: GateContext) {
  return [
    route({
      method: 'post',
      path: '/v1/dnc/:list/import',
      summary:
        "Import one of the caller's org's do-not-call lists (`national`, `state:XX`, `internal`: each org keeps its own copies) from a text/plain file, whole (`mode=full`, replacing the area codes it holds) or as a change file (`mode=changes`), with the date the copy was taken (`as_of=YYYY-MM-DD`).",
      scope: 'admin',
      rawBody: 'text/plain',
      streamBody: true,
      handler: async (req, _input, http) => {
        const request = http!.req as IncomingMessage & { query: Record<string, unknown> };
        try {
          const result = await importDncList(ctx, req.apiKey.org_id, request, { list: req.params.list, asOf: request.query.as_of, mode: request.query.mode });
          return { body: result };
        } catch (err) {
          // Answered before the upload ends: the rest is read and dropped, so the client hears the answer rather than a reset.
          request.resume();
          throw err;
        }
      },
    }),
    route({
      method: 'get',
      path: '/v1/dnc',
      summary:
        "The caller's org's do-not-call lists: each with its `as_of` (the oldest copy among its area codes), `age_days`, `stale` (a registry copy too old to rely on), entry count and area codes.",
      scope: 'admin',
      handler: async (req) => {
        const now = ctx.clock.now();
        return { body: { data: (await dncLists(ctx, req.apiKey.org_id)).map((l) => withAge(l, now)) } };
      },
    }),
  ];
}
