/**
 * The opt-out network: scope-`all` revocations go out to the configured
 * subscribers (signed, retried until acknowledged, through the durable
 * outbox), and come in from peers at `POST /network/revocations`, where they
 * block every org of this deployment as `honor_window_active`.
 */
import express from 'express';
import { z } from 'zod';
import { newId } from '../domain/ids';
import { parsePhone } from '../domain/phone';
import { TRIGGERS } from '../domain/vocabulary';
import type { GatewayModule, ModuleDeps } from '../module';
import { deliverDueOutbox } from './outboxDelivery';
import { SIGNATURE_HEADER, verifyNetworkSignature } from './signature';

const inboundSchema = z.object({
  type: z.literal('revocation.network'),
  id: z.string().min(1).max(100),
  origin: z.string().min(1).max(200),
  revocation: z.object({
    id: z.string().min(1).max(100),
    phone: z.string(),
    trigger: z.enum(TRIGGERS),
    captured_at: z.string(),
    honor_by_date: z.string(),
  }),
});

export function networkModule(deps: ModuleDeps): GatewayModule {
  const { config, ctx, logger, defaultOrgId } = deps;
  const origin = config.PUBLIC_BASE_URL ?? deps.publicBaseUrl;
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<unknown> = Promise.resolve();

  const tick = () => {
    pass = deliverDueOutbox({ ledger: ctx.ledger, clock: ctx.clock, logger, subscribers: config.network_subscribers, origin })
      .catch((err) => logger.warn({ err: (err as Error).message }, 'outbox pass failed'))
      .finally(() => {
        if (running) timer = setTimeout(tick, config.NETWORK_POLL_MS).unref();
      });
  };
  timer = setTimeout(tick, config.NETWORK_POLL_MS).unref();

  const router = express.Router();
  router.post('/network/revocations', express.text({ type: '*/*', limit: '64kb' }), async (req, res) => {
    const raw = typeof req.body === 'string' ? req.body : '';
    const peer = config.network_subscribers.find((p) => verifyNetworkSignature(p.secret, raw, req.get(SIGNATURE_HEADER), ctx.clock.now()));
    if (!peer) return void res.status(403).json({ success: false, error: { code: 'FORBIDDEN', message: 'bad or missing network signature', request_id: req.requestId } });
    let parsed;
    try {
      parsed = inboundSchema.parse(JSON.parse(raw));
    } catch {
      return void res.status(400).json({ success: false, error: { code: 'VALIDATION_FAILED', message: 'not a network revocation', request_id: req.requestId } });
    }
    const phone = parsePhone(parsed.revocation.phone);
    if (!phone.ok) return void res.status(400).json({ success: false, error: { code: 'VALIDATION_FAILED', message: 'bad phone', request_id: req.requestId } });
    const r = parsed.revocation;
    const { created } = await ctx.ledger.recordRevocation({
      id: newId('rev'),
      org_id: defaultOrgId,
      phone: phone.e164,
      calling_entity: null,
      scope: 'all',
      trigger: r.trigger,
      captured_at: r.captured_at,
      honor_by_date: r.honor_by_date,
      transcript: null,
      audio_segment_url: null,
      origin: `peer:${parsed.origin}`,
      // The peer's own revocation id makes a redelivery the same record.
      dedupe_key: `peer|${parsed.origin}|${r.id}`,
      created_at: ctx.clock.now().toISOString(),
    });
    res.status(created ? 201 : 200).json({ received: true });
  });

  return {
    name: 'network',
    routers: [router],
    async close() {
      running = false;
      clearTimeout(timer);
      await pass;
    },
  };
}
