import { describe, expect, it } from 'vitest';
import { detectOptOut } from '../domain/optout';
import { CONFIRM_OPT_OUT_QUESTION, OptOutConfirmStep, type ConfirmStepResult } from './confirmOptOut';

/** Feeds final consumer turns to one call's confirm step and returns what each one produced. */
function turns(...texts: string[]): ConfirmStepResult['kind'][] {
  const step = new OptOutConfirmStep();
  return texts.map((t) => step.hear(t, detectOptOut(t, { channel: 'voice' })).kind);
}

describe('OptOutConfirmStep: ask once, a yes within two turns confirms', () => {
  it.each([
    ['a yes right after the question confirms', ['not interested', 'yes'], ['ask', 'confirmed']],
    ['a yes on the second turn confirms', ['not interested', 'what?', 'yeah'], ['ask', 'nothing', 'confirmed']],
    ['a yes on the third turn is too late', ['not interested', 'what?', 'sorry?', 'yes'], ['ask', 'nothing', 'nothing', 'nothing']],
    ['a no closes the question at once', ['not interested', 'no, go on', 'yes'], ['ask', 'nothing', 'nothing']],
    ['"no, I\'m not interested" is not a no: it uses a turn', ['who gave you my number', "no, I'm not interested", 'yes'], ['ask', 'nothing', 'confirmed']],
    ['a yes before anything was asked confirms nothing', ['yes', 'not interested'], ['nothing', 'ask']],
    ['asked once per call', ['not interested', 'hm', 'ok', 'not interested', 'yes'], ['ask', 'nothing', 'nothing', 'nothing', 'nothing']],
    ['a second possible opt-out in the window asks nothing', ['not interested', 'why do you keep calling', 'yes'], ['ask', 'nothing', 'confirmed']],
  ] as const)('%s', (_rule, said, expected) => {
    expect(turns(...said)).toEqual(expected);
  });

  it('a yes whose revocation failed leaves the question open as it was, so the next yes is tried again', () => {
    const step = new OptOutConfirmStep();
    const hear = (t: string) => step.hear(t, detectOptOut(t, { channel: 'voice' })).kind;
    expect(hear('not interested')).toBe('ask');
    expect(hear('yes')).toBe('confirmed');
    step.revocationFailed();
    expect(hear('yes')).toBe('confirmed');
    expect(hear('yes')).toBe('nothing');
  });

  it('the confirmed transcript keeps the possible opt-out, the question and the answer', () => {
    const step = new OptOutConfirmStep();
    step.hear('Who gave you my number?', detectOptOut('Who gave you my number?', { channel: 'voice' }));
    expect(step.hear('Yes.', detectOptOut('Yes.', { channel: 'voice' }))).toEqual({
      kind: 'confirmed',
      transcript: `Who gave you my number? | asked: ${CONFIRM_OPT_OUT_QUESTION} | Yes.`,
    });
  });
});
