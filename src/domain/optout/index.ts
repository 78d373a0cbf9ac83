/**
 * Opt-out detection: one pure detector for every path that listens to a
 * consumer (inbound SMS, live call transcripts, `/v1/detect`).
 *
 * @example
 * import { detectOptOut } from './domain/optout';
 * detectOptOut('please stop texting me', { channel: 'sms' }).intent; // 'opt_out'
 * detectOptOut('no, me llamo Ana', { channel: 'voice', lang: 'es' }).intent; // 'none'
 */
export { detectOptOut, OPT_OUT_LANGUAGES } from './detectOptOut';
export { shippedNgramModel } from './ngramModel';
export { confirmationAnswer, type ConfirmationAnswer } from './affirmative';
export { OPT_OUT_INTENTS } from './types';
export type { OptOutChannel, OptOutIntent, OptOutOptions, OptOutResult } from './types';
