/**
 * The confirm step of a live call, shared by the agent stream and
 * ConversationRelay (one websocket per call on both, so its state lives in
 * that connection's memory).
 *
 * When the consumer says something that may be an opt-out ("I'm not
 * interested": `possible_opt_out`), the call path asks "Would you like us to
 * stop calling you?" — once per call. An affirmative answer ("yes", "sí",
 * "that's right") in one of the next two final consumer turns revokes like
 * any spoken opt-out; a no, or two turns without a yes, close the question
 * and it is not asked again. A clear opt-out revokes at once, asked or not.
 * Partial transcripts and the agent's own words are not turns.
 *
 * The revocation's trigger stays `verbal_stop_during_call`: a confirmed "yes"
 * is an opt-out spoken during a call, and peers of the network accept only
 * the contract's triggers. That it was confirmed is kept in the transcript,
 * which holds both utterances and the question between them.
 */
import { confirmationAnswer, type OptOutResult } from '../domain/optout';
import { revokeFromTraffic, utterance, type OptOutOutcome, type Party, type SignalContext, type UtteranceInput } from './optOutSignals';

/** What the consumer is asked; the agent stream's `confirm_opt_out` frame carries it as `say`. */
export const CONFIRM_OPT_OUT_QUESTION = 'Would you like us to stop calling you?';

/** How many final consumer turns after the question may still answer it. */
export const CONFIRM_ANSWER_TURNS = 2;

type Step = { kind: 'not_asked' } | { kind: 'asked'; possible: string; turnsLeft: number } | { kind: 'closed' };

export type ConfirmStepResult = { kind: 'ask' } | { kind: 'confirmed'; transcript: string } | { kind: 'nothing' };

/** The question's state for one call: pure, no I/O. */
export class OptOutConfirmStep {
  private step: Step = { kind: 'not_asked' };
  /** The open question a yes just closed, until its revocation is recorded. */
  private answered: Step | undefined;

  /** One final consumer utterance that was not a clear opt-out, with what the detector made of it. */
  hear(text: string, detection: OptOutResult): ConfirmStepResult {
    const step = this.step;
    if (step.kind === 'closed') return { kind: 'nothing' };
    if (step.kind === 'not_asked') {
      if (detection.intent !== 'possible_opt_out') return { kind: 'nothing' };
      this.step = { kind: 'asked', possible: text, turnsLeft: CONFIRM_ANSWER_TURNS };
      return { kind: 'ask' };
    }
    const answer = confirmationAnswer(text);
    if (answer === 'yes') {
      this.answered = step;
      this.step = { kind: 'closed' };
      return { kind: 'confirmed', transcript: confirmedTranscript(step.possible, text) };
    }
    // A leading "no" answers the question, unless the rest is itself a possible opt-out ("no, I'm not interested").
    if ((answer === 'no' && detection.intent === 'none') || step.turnsLeft <= 1) this.step = { kind: 'closed' };
    else this.step = { ...step, turnsLeft: step.turnsLeft - 1 };
    return { kind: 'nothing' };
  }

  /**
   * The yes could be neither recorded nor queued (the store is down and no
   * fallback queue is configured): the question is open again as it was, so
   * the consumer's next yes is tried again rather than lost.
   */
  revocationFailed(): void {
    if (this.answered) this.step = this.answered;
    this.answered = undefined;
  }
}

/** The revocation's transcript after a confirmed yes: what may have been an opt-out, the question, the answer. */
export function confirmedTranscript(possible: string, answer: string): string {
  return `${possible} | asked: ${CONFIRM_OPT_OUT_QUESTION} | ${answer}`;
}

export type SpeechOutcome = { kind: 'opt_out'; outcome: OptOutOutcome; confirmed: boolean; transcript: string } | { kind: 'ask' } | { kind: 'nothing' };

/**
 * One utterance of a call through the detector and the confirm step: a clear
 * opt-out or a confirmed yes revokes (or is durably queued) before this
 * resolves; `ask` means the call path should ask the question now.
 */
export async function callSpeech(ctx: SignalContext, party: Party, confirm: OptOutConfirmStep, u: UtteranceInput): Promise<SpeechOutcome> {
  const heard = await utterance(ctx, party, u);
  if (heard.optOut) return { kind: 'opt_out', outcome: heard.optOut, confirmed: false, transcript: u.text };
  // No detection: a partial transcript or the agent's own words, which are not turns.
  if (!heard.detection) return { kind: 'nothing' };
  const step = confirm.hear(u.text, heard.detection);
  if (step.kind !== 'confirmed') return step;
  let outcome: OptOutOutcome;
  try {
    outcome = await revokeFromTraffic(ctx, {
      orgId: party.orgId,
      phone: party.phone,
      calling_entity: party.entity,
      trigger: 'verbal_stop_during_call',
      transcript: step.transcript,
      audio_segment_url: u.audioSegmentUrl,
    });
  } catch (err) {
    confirm.revocationFailed();
    throw err;
  }
  return { kind: 'opt_out', outcome, confirmed: true, transcript: step.transcript };
}
