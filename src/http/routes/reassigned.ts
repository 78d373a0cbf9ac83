/** Reassigned Numbers Database results, each the caller's org's own: import them (streamed, text/csv). */
import type { IncomingMessage } from 'node:http';
import type { GateContext } from '../../gate/context';
import { importReassignedResults } from '../../gate/reassignedImport';
import { route } from '../route';

export function reassignedRoutes(ctx: GateContext) {
  return [
    route({
      method: 'post',
      path: '/v1/reassigned/import',
      summary:
        "Import the caller's org's Reassigned Numbers Database results from a text/csv file of `phone,date,result` lines (`yes`, `no` or `no_data`; the date asked about, YYYY-MM-DD). A precall or pre-send relying on a consent older than REASSIGNED_CHECK_AFTER_DAYS uses them before any Twilio Lookup. Re-importing the same file changes nothing; a bad line is a 400 naming it, and nothing of the file is kept.",
      scope: 'admin',
      rawBody: 'text/csv',
      streamBody: true,
      handler: async (req, _input, http) => {
        const request = http!.req as IncomingMessage;
        try {
          return { body: await importReassignedResults(ctx, req.apiKey.org_id, request) };
        } catch (err) {
          // Answered before the upload ends: the rest is read and dropped, so the client hears the answer rather than a reset.
          request.resume();
          throw err;
        }
      },
    }),
  ];
}
