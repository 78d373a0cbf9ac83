import { defineError } from './kinds';

/** A carrier webhook carries a gateway token that is not one we signed, or no longer valid. */
export class ForgedTokenError extends defineError('FORGED_TOKEN') {}

/** An opt-out was detected but could be neither stored nor queued: the carrier must redeliver it. */
export class OptOutNotRecordedError extends defineError('OPT_OUT_NOT_RECORDED') {}
