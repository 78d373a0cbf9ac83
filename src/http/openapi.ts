/** /openapi.json, generated from the route declarations and their zod schemas. */
import { z } from 'zod';
import type { ApiRoute } from './route';

const errorEnvelope = {
  type: 'object',
  properties: {
    success: { const: false },
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        request_id: { type: 'string' },
        details: { type: 'object', additionalProperties: { type: 'string' } },
      },
      required: ['code', 'message', 'request_id'],
    },
  },
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export function openApiDocument(routes: ApiRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const params: unknown[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.query) {
      const q = jsonSchema(r.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
      }
    }
    const op: Record<string, unknown> = {
      summary: r.summary,
      security: [{ bearer: [] }],
      ...(r.scope !== 'any' ? { 'x-required-scope': r.scope } : {}),
      parameters: params,
      responses: {
        '200': r.response ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.response) } } } : { description: 'OK' },
        default: { description: 'Error envelope', content: { 'application/json': { schema: errorEnvelope } } },
      },
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    if (r.rawBody) op.requestBody = { required: true, content: { [r.rawBody]: { schema: { type: 'string' } } } };
    (paths[path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Consent Gate', version, description: 'Consent and opt-out compliance gateway for outbound voice and SMS.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
