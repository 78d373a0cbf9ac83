/**
 * The gateway the precall, pre-send, Twilio and stream rows share (on a copy
 * of the seeded ledger), with the Twilio emulator behind it when the Twilio
 * row runs, and the bare-express baseline. Each is started on first use and
 * stopped together once those rows are done.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALLING_NUMBER, ENTITY, phoneAt, precallBody, presendBody } from './fixtures';
import { gatewayEnv } from './gatewayEnv';
import { postJson } from './load';
import { REPO_ROOT, type ChildServer } from './proc';
import type { Profile } from './profile';
import { dataDirWithCopy, sqliteSeed } from './seed';
import type { ServerPool } from './serverPool';
import { AUTH, DECISION_PATHS } from '../scenarios/decisions';
import { ACCOUNT_SID, AUTH_TOKEN } from '../scenarios/twilio';

/** The emulator comes from the test suite; a checkout without it skips the Twilio row. */
export const twilioEmulatorPresent = (): boolean => existsSync(join(REPO_ROOT, 'test/emulators/twilio.ts'));

export interface SharedGatewayOptions {
  p: Profile;
  /** Start the Twilio emulator and point the gateway at it. */
  withTwilio: boolean;
  /** The run's scratch directory, for the gateway's config and the baseline's answers. */
  scratch: string;
  servers: ServerPool;
  log: (s: string) => void;
  /** Receives the size of each answer the baseline replays. */
  onResponseBytes: (bytes: Record<string, number>) => void;
}

export class SharedGateway {
  private gatewayServer: ChildServer | null = null;
  private emulatorServer: ChildServer | null = null;
  private bareServer: ChildServer | null = null;
  /** DATA_DIR of the shared gateway: the stream row reads its revocations from the file. */
  dataDir = '';

  constructor(private readonly options: SharedGatewayOptions) {}

  /** The Twilio emulator, once gateway() has started it. */
  get emulator(): ChildServer | null {
    return this.emulatorServer;
  }

  async gateway(): Promise<ChildServer> {
    if (this.gatewayServer) return this.gatewayServer;
    const { p, log, servers, scratch } = this.options;
    const seed = await sqliteSeed(p.consents, log);
    log(
      `seed: ${p.consents.toLocaleString('en-US')} consents ${seed.cached ? 'from cache' : `built in ${seed.seconds.toFixed(1)} s`} (${(seed.bytes / 2 ** 20).toFixed(0)} MB)`,
    );
    this.dataDir = dataDirWithCopy(seed.file);
    const extra: Record<string, string> = {};
    if (this.options.withTwilio && twilioEmulatorPresent()) {
      const emulator = await servers.start('twilio-emulator', 'twilioEmulator.ts', { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN });
      this.emulatorServer = emulator;
      const configFile = join(scratch, 'gateway-config.json');
      // informational AI calls and texts: no quiet hours, so the forwarded path is taken at any hour of the run.
      writeFileSync(
        configFile,
        JSON.stringify({
          entities: [{ name: ENTITY, numbers: [CALLING_NUMBER], purpose: 'informational', call_type: 'ai_voice', message_type: 'informational' }],
        }),
      );
      Object.assign(extra, { TWILIO_API_BASE: emulator.url, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, CONSENT_GATE_CONFIG: configFile });
    }
    const gateway = await servers.start('gateway', 'gateway.ts', gatewayEnv(this.dataDir, extra));
    this.gatewayServer = gateway;
    log(`gateway pid ${gateway.pid} on ${gateway.url} (${JSON.stringify(gateway.info)})`);
    return gateway;
  }

  async bareExpress(): Promise<ChildServer> {
    if (this.bareServer) return this.bareServer;
    const { p, servers, scratch } = this.options;
    const gw = await this.gateway();
    // The baseline answers exactly what the gateway answered (same bytes, serialized per request).
    const responses: Record<string, unknown> = {};
    for (const kind of ['precall', 'presend'] as const) {
      const body = kind === 'precall' ? precallBody(phoneAt(p.consents - 1)) : presendBody(phoneAt(p.consents - 1));
      const r = await postJson(gw.url + DECISION_PATHS[kind], body, AUTH);
      if (r.status !== 200 || r.json.allowed !== true) throw new Error(`${kind}: expected an allowed answer, got ${r.status} ${JSON.stringify(r.json)}`);
      responses[DECISION_PATHS[kind]] = r.json;
    }
    const file = join(scratch, 'responses.json');
    writeFileSync(file, JSON.stringify(responses));
    this.bareServer = await servers.start('bare-express', 'bareExpress.ts', { BENCH_RESPONSES: file });
    this.options.onResponseBytes(Object.fromEntries(Object.entries(responses).map(([k, v]) => [k, JSON.stringify(v).length])));
    return this.bareServer;
  }

  /** Stops whichever of the three were started and removes the gateway's ledger copy. */
  async stop(): Promise<void> {
    for (const s of [this.gatewayServer, this.bareServer, this.emulatorServer]) if (s) await this.options.servers.stop(s);
    this.gatewayServer = this.bareServer = this.emulatorServer = null;
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
