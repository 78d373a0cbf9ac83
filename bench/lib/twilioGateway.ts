/**
 * A gateway for the rows that place Twilio calls through it with the real SDK and play Twilio's
 * side in-process (transcription, media): the seeded ledger copied, one entity whose calls are
 * `informational` (no quiet hours, so every call is allowed whatever the hour of the run), and
 * Twilio's API answered by the emulator at `emulatorUrl`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT_SID, AUTH_TOKEN } from '../scenarios/twilio';
import type { BenchContext } from './context';
import { CALLING_NUMBER, ENTITY } from './fixtures';
import { gatewayEnv } from './gatewayEnv';
import { dataDirWithCopy, sqliteSeed } from './seed';

export async function twilioCallGateway(ctx: BenchContext, name: string, emulatorUrl: string, env: Record<string, string> = {}) {
  const seed = await sqliteSeed(ctx.p.consents, ctx.log);
  const configFile = join(ctx.scratch, `${name}-config.json`);
  writeFileSync(configFile, JSON.stringify({ entities: [{ name: ENTITY, numbers: [CALLING_NUMBER], purpose: 'informational', call_type: 'ai_voice' }] }));
  return ctx.servers.start(
    `gateway-${name}`,
    'gateway.ts',
    gatewayEnv(dataDirWithCopy(seed.file), {
      TWILIO_API_BASE: emulatorUrl,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      CONSENT_GATE_CONFIG: configFile,
      ...env,
    }),
  );
}
