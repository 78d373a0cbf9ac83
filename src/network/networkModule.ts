/**
 * The opt-out network: scope-`all` revocations go out to the configured
 * subscribers (signed, retried until acknowledged, through the durable
 * outbox), and come in from peers at `POST /network/revocations`, where they
 * block every org of this deployment as `honor_window_active`. What a peer
 * sends is checked and normalised before it is stored (peerRevocation.ts).
 */
import express from 'express';
import { newId } from '../domain/ids';
import type { GatewayModule, ModuleDeps } from '../module';
import { deliverDueOutbox } from './outboxDelivery';
import { parsePeerRevocation } from './peerRevocation';
import { SIGNATURE_HEADER, verifyNetworkSignature } from './signature';

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
    if (!peer)
      return void res
        .status(403)
        .json({ success: false, error: { code: 'FORBIDDEN', message: 'bad or missing network signature', request_id: req.requestId } });
    const refuse = (details: Record<string, string>) =>
      void res
        .status(400)
        .json({ success: false, error: { code: 'VALIDATION_FAILED', message: 'not a valid network revocation', request_id: req.requestId, details } });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return refuse({ body: 'must be JSON' });
    }
    const parsed = parsePeerRevocation(body, ctx.clock.now(), ctx.policy.maxClockSkewMs);
    if (!parsed.ok) {
      logger.warn({ peer: peer.url, fields: Object.keys(parsed.details) }, 'network revocation refused');
      return refuse(parsed.details);
    }
    const r = parsed.value;
    const { created } = await ctx.ledger.recordRevocation({
      id: newId('rev'),
      org_id: defaultOrgId,
      phone: r.phone,
      calling_entity: null,
      scope: 'all',
      trigger: r.trigger,
      captured_at: r.captured_at,
      honor_by_date: r.honor_by_date,
      transcript: null,
      audio_segment_url: null,
      origin: `peer:${r.origin}`,
      // The peer's own revocation id makes a redelivery the same record.
      dedupe_key: `peer|${r.origin}|${r.revocationId}`,
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
