/** POST /v1/detect: the opt-out detector over HTTP, for platforms that prefer it to the stream. Detects only; never revokes. */
import { detectOptOut } from '../../domain/optout';
import { detectResultSchema, detectSchema } from '../../gate/schemas';
import { route } from '../route';

export function detectRoutes() {
  return [
    route({
      method: 'post',
      path: '/v1/detect',
      summary:
        'Classify a text or final transcript: opt_out, opt_in, help or none, with the rule that matched; on voice, possible_opt_out for speech a call would ask the consumer to confirm.',
      scope: 'any',
      body: detectSchema,
      response: detectResultSchema,
      handler: async (_req, { body }) => ({ body: detectOptOut(body.text, { channel: body.channel, lang: body.lang }) }),
    }),
  ];
}
