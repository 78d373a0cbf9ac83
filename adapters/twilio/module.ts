/**
 * The Twilio drop-in: Twilio's REST API (gated), its webhooks and the
 * ConversationRelay socket, as one gateway module. A twilio-node user sets
 * `client.api.baseUrl` to the gateway and changes nothing else.
 */
import type { GatewayModule, ModuleFactory } from '../../src/module';
import { EntityDirectory } from '../shared/entityDirectory';
import { gatewaySecret, ParamSigner } from '../shared/signedParams';
import { sha256 } from './accountAccess';
import type { TwilioContext } from './context';
import { twilioDialect } from './errors';
import { mediaServer } from './mediaUpgrade';
import { relayServer } from './relayUpgrade';
import { twilioRestLane } from './restRoutes';
import { twilioWebhookRouter } from './webhookRoutes';
import { CallHangups, type TwilioCredentials } from './callHangups';
import type { Config } from '../../src/config';

/** ConversationRelay frames are small JSON texts; anything near this is not a conversation. */
export const MAX_RELAY_FRAME_BYTES = 256 * 1024;

/**
 * Twilio's own media frames are 20 ms of audio (a few hundred bytes), but an
 * application may send a whole recorded sentence in one `media` frame to be
 * played; a minute of 8 kHz μ-law in base64 is about 640 KB.
 */
export const MAX_MEDIA_FRAME_BYTES = 1024 * 1024;

export const twilioModule: ModuleFactory = (deps): GatewayModule => {
  const { config, logger } = deps;
  const { secret, source } = gatewaySecret(config.GATEWAY_SIGNING_SECRET, config.TWILIO_AUTH_TOKEN);
  // A gateway nobody configured for Twilio should start quietly; once Twilio is in use, gaps are warnings.
  const inUse = Boolean(
    config.TWILIO_ACCOUNT_SID ||
      config.TWILIO_AUTH_TOKEN ||
      config.TWILIO_APP_URL ||
      config.entities.some((e) => e.twilio_account_sids.length || e.twilio_messaging_service_sids.length),
  );
  const warn = (inUse ? logger.warn : logger.debug).bind(logger);
  if (source === 'random') {
    warn('twilio: no GATEWAY_SIGNING_SECRET or TWILIO_AUTH_TOKEN; signed call URLs only work on this instance until it restarts');
  }
  if (!config.PUBLIC_BASE_URL) {
    warn(
      { public_base_url: deps.publicBaseUrl },
      'twilio: PUBLIC_BASE_URL is not set; Twilio signs the URL it calls, so webhooks only validate if Twilio calls exactly this one',
    );
  }
  if (!config.TWILIO_AUTH_TOKEN) warn('twilio: TWILIO_AUTH_TOKEN is not set; every Twilio webhook will be refused (403)');
  const directory = new EntityDirectory(config.entities, deps.defaultOrgId, {
    twilioAccountSid: config.TWILIO_ACCOUNT_SID,
    telnyxApiKey: config.TELNYX_API_KEY,
  });
  if (!directory.mapsAnyAccount('twilio_account')) {
    warn(
      "twilio: no Twilio account is mapped to an org (set TWILIO_ACCOUNT_SID, or an entity's twilio_account_sids); every call and message create will be refused (403)",
    );
  }
  if (Boolean(config.TWILIO_API_KEY) !== Boolean(config.TWILIO_API_SECRET)) {
    warn('twilio: TWILIO_API_KEY and TWILIO_API_SECRET go together; using the account SID and TWILIO_AUTH_TOKEN to end calls instead');
  }
  const api = { base: config.TWILIO_API_BASE, label: 'twilio_api', timeoutMs: config.UPSTREAM_TIMEOUT_MS };
  const twilioLogger = logger.child({ module: 'twilio' });
  const t: TwilioContext = {
    name: 'twilio',
    dialect: twilioDialect,
    ctx: deps.ctx,
    logger: twilioLogger,
    metrics: deps.metrics,
    directory,
    signer: new ParamSigner(secret, deps.ctx.clock),
    authToken: config.TWILIO_AUTH_TOKEN,
    authTokenDigest: config.TWILIO_AUTH_TOKEN ? sha256(config.TWILIO_AUTH_TOKEN) : undefined,
    ownAccountSid: config.TWILIO_ACCOUNT_SID,
    api,
    domainUpstream: config.TWILIO_DOMAIN_UPSTREAM,
    appUrl: config.TWILIO_APP_URL?.replace(/\/+$/, ''),
    appTimeoutMs: config.APP_TIMEOUT_MS,
    publicBaseUrl: deps.publicBaseUrl.replace(/\/+$/, ''),
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    maxFrameBytes: MAX_RELAY_FRAME_BYTES,
    transcribeCalls: config.TRANSCRIBE_CALLS !== 'off',
    hangups: new CallHangups(api, hangupCredentials(config), deps.metrics, twilioLogger),
  };
  const relay = relayServer(t);
  const media = mediaServer(t, MAX_MEDIA_FRAME_BYTES);
  return {
    name: 'twilio',
    lanes: [twilioRestLane(t)],
    routers: [twilioWebhookRouter(t)],
    upgrade: (req, socket, head) => relay.upgrade(req, socket, head) || media.upgrade(req, socket, head),
    close: async () => {
      await Promise.all([relay.close(), media.close(), t.hangups.close()]);
    },
  };
};

/** An API key with its secret when both are set, else the auth token (with the call's own account SID). */
function hangupCredentials(config: Config): TwilioCredentials | undefined {
  if (config.TWILIO_API_KEY && config.TWILIO_API_SECRET) return { apiKey: config.TWILIO_API_KEY, secret: config.TWILIO_API_SECRET };
  return config.TWILIO_AUTH_TOKEN ? { secret: config.TWILIO_AUTH_TOKEN } : undefined;
}
