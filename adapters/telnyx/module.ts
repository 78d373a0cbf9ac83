/**
 * The Telnyx drop-in: Telnyx's REST API (gated), its webhooks and TeXML, as
 * one gateway module. A telnyx SDK user sets `baseURL` (or TELNYX_BASE_URL)
 * to the gateway's `/v2` and points the Telnyx webhook URL at
 * `/telnyx/webhooks`; nothing else changes.
 */
import type { GatewayModule, ModuleFactory } from '../../src/module';
import { EntityDirectory } from '../shared/entityDirectory';
import { gatewaySecret, ParamSigner } from '../shared/signedParams';
import { endCall } from './callEvents';
import type { TelnyxContext } from './context';
import { EndingCalls } from './endingCalls';
import { telnyxDialect } from './errors';
import { telnyxRestLane } from './restRoutes';
import { SeenEvents } from './seenEvents';
import { telnyxPublicKey } from './signature';
import { telnyxTexmlRouter } from './texmlRoutes';
import { telnyxWebhookRouter } from './webhookRoutes';

export const telnyxModule: ModuleFactory = (deps): GatewayModule => {
  const { config, logger } = deps;
  const log = logger.child({ module: 'telnyx' });
  // Derived from the API key when no secret is configured, so every instance with the same key agrees.
  const { secret, source } = gatewaySecret(config.GATEWAY_SIGNING_SECRET, config.TELNYX_API_KEY);
  // A gateway nobody configured for Telnyx should start quietly; once Telnyx is in use, gaps are warnings.
  const inUse = Boolean(
    config.TELNYX_API_KEY ||
      config.TELNYX_PUBLIC_KEY ||
      config.TELNYX_APP_URL ||
      config.entities.some((e) => e.telnyx_connection_ids.length || e.telnyx_messaging_profile_ids.length || e.telnyx_api_key_sha256.length),
  );
  const warn = (inUse ? log.warn : log.debug).bind(log);
  if (source === 'random')
    warn('telnyx: no GATEWAY_SIGNING_SECRET or TELNYX_API_KEY; call state in webhook URLs is readable only by this instance until it restarts');
  // A bad key is a configuration error: starting anyway would refuse every webhook.
  const publicKey = config.TELNYX_PUBLIC_KEY ? telnyxPublicKey(config.TELNYX_PUBLIC_KEY) : undefined;
  if (!publicKey) warn('telnyx: TELNYX_PUBLIC_KEY is not set; every Telnyx webhook will be refused (403)');
  if (!config.TELNYX_APP_URL)
    warn('telnyx: TELNYX_APP_URL is not set; webhooks of calls dialed without their own webhook_url are acted on but relayed nowhere');
  if (!config.TELNYX_API_KEY)
    warn('telnyx: TELNYX_API_KEY is not set; AI calls will be refused (the disclosure could not be spoken) and opt-outs during calls cannot hang up');
  const directory = new EntityDirectory(config.entities, deps.defaultOrgId, {
    twilioAccountSid: config.TWILIO_ACCOUNT_SID,
    telnyxApiKey: config.TELNYX_API_KEY,
  });
  if (!directory.mapsAnyAccount('telnyx_api_key')) {
    warn(
      "telnyx: no Telnyx API key is mapped to an org (set TELNYX_API_KEY, or an entity's telnyx_api_key_sha256); every dial and message send will be refused (403)",
    );
  }
  const t: TelnyxContext = {
    name: 'telnyx',
    dialect: telnyxDialect,
    ctx: deps.ctx,
    logger: log,
    metrics: deps.metrics,
    directory,
    signer: new ParamSigner(secret, deps.ctx.clock),
    publicKey,
    apiKey: config.TELNYX_API_KEY,
    api: { base: config.TELNYX_API_BASE, label: 'telnyx_api', timeoutMs: config.UPSTREAM_TIMEOUT_MS },
    appUrl: config.TELNYX_APP_URL,
    appTimeoutMs: config.APP_TIMEOUT_MS,
    publicBaseUrl: deps.publicBaseUrl.replace(/\/+$/, ''),
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    voice: config.TELNYX_SPEAK_VOICE,
    language: config.TELNYX_SPEAK_LANGUAGE,
    seen: new SeenEvents(deps.ctx.clock),
    ending: new EndingCalls((id) => endCall(t, id)),
    transcribeCalls: config.TRANSCRIBE_CALLS !== 'off',
  };
  return {
    name: 'telnyx',
    lanes: [telnyxRestLane(t)],
    routers: [telnyxWebhookRouter(t), telnyxTexmlRouter(t)],
    close: () => t.ending.flush(),
  };
};
