import { describe, it, expect } from 'vitest';
import { normalize } from './normalize';

const FILLERS = new Set(['uh', 'um', 'euh']);

describe('normalize', () => {
  it.each([
    ['Stop!!! 🛑', 'stop'],
    ['STOP.', 'stop'],
    ['stop 🙏', 'stop'],
    ['No me llame MÁS', 'no me llame mas'],
    ["Ne m'appelez plus", 'ne m appelez plus'],
    ['Arrêtez d’appeler', 'arretez d appeler'],
    ["don't call me, I'm busy", 'dont call me , im busy'],
    ['Opt-Out', 'opt out'],
    ['uh take me um off your list', 'take me off your list'],
    ['wait, stop, go back.', 'wait , stop , go back'],
    ['¿Quién es?', 'quien es'],
    ['não, obrigado', 'nao , obrigado'],
    ['Stop!! 😂', 'stop , lol'],
    ['Đừng gọi cho tôi nữa', 'dung goi cho toi nua'],
    ['請不要再打來', '请不要再打来'],
    ['لَا تَتَّصِلْ بِي مَرَّةً أُخْرَى', 'لا تتصل بي مره اخري'],
    ['لا تتصـــل', 'لا تتصل'],
    ['ＳＴＯＰ', 'stop'],
    ['수신 거부。', '수신 거부'],
    ['Pa rele m ankò', 'pa rele m anko'],
    ['take my # off', 'take my number off'],
    ['delete this #!', 'delete this number'],
    ['#stopthecalls', 'stopthecalls'],
    ['...', ''],
    ['', ''],
  ])('normalize %j → %j', (raw, text) => {
    expect(normalize(raw, FILLERS).text).toBe(text);
  });

  it('reads ASCII text as the path for accented text would (the ASCII path is a faster loop over the same rules)', () => {
    for (const raw of [
      "Don't call me, I'm busy!",
      "m'appelez # 5 #stop uh",
      'l\' s\'il (ok) [no] {x} "q" a|b',
      'STOP-ing\nnow;  ok: fine? `s`',
      "d'' x's 'tis",
    ]) {
      // A leading accented word sends the text down the other path.
      expect(normalize(`é ${raw}`, FILLERS).tokens, raw).toEqual(['e', ...normalize(raw, FILLERS).tokens]);
    }
  });

  it('keeps a clause mark only between words', () => {
    expect(normalize('!!, stop ,,, now !!', FILLERS).tokens).toEqual(['stop', ',', 'now']);
  });
});
