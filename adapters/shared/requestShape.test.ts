import { describe, expect, it } from 'vitest';
import { fieldProblem, foldName, jsonTopLevelKeys, queryProblem } from './requestShape';

describe('jsonTopLevelKeys', () => {
  it.each([
    ['a repeated key JSON.parse would hide', '{"to":"+1","text":"hi","to":"+2"}', ['to', 'text', 'to']],
    ['a key spelled with an escape', '{"to":"+1","\\u0074o":"+2"}', ['to', 'to']],
    ['keys of nested objects and arrays left out', '{"a":{"to":1},"b":[{"to":2},"}"],"c":"{\\"to\\":3}"}', ['a', 'b', 'c']],
    ['whitespace anywhere', ' {\n "from" : "x" ,\t"to":[ "a" , "b" ] } ', ['from', 'to']],
    ['an empty object', '{}', []],
  ])('jsonTopLevelKeys reads %s', (_name, text, keys) => {
    expect(jsonTopLevelKeys(text)).toEqual(keys);
  });
});

describe('fieldProblem', () => {
  const gated = ['To', 'From'];
  it.each([
    ['a gated field given twice', ['To', 'Body', 'To'], 'To'],
    ['a gated field in another case', ['to', 'From'], 'To'],
    ['a gated field in another case beside the right one', ['To', 'TO'], 'To'],
  ])('fieldProblem refuses %s', (_name, names, field) => {
    expect(fieldProblem(names, gated)?.field).toBe(field);
  });

  it('fieldProblem refuses a Unicode spelling that case folding maps onto a gated field', () => {
    expect(fieldProblem(['send_at', '\u017fend_at'], ['send_at'])?.field).toBe('send_at');
  });

  it('fieldProblem lets a list field repeat in a form body, not in JSON', () => {
    expect(fieldProblem(['To', 'MediaUrl', 'MediaUrl'], gated)).toBeUndefined();
    expect(fieldProblem(['To', 'MediaUrl', 'MediaUrl'], gated, true)?.field).toBe('MediaUrl');
  });

  it('foldName folds the letters a case-insensitive decoder would', () => {
    expect(foldName('\u017fend_at')).toBe('send_at');
    expect(foldName('\u212aEY')).toBe('key');
  });
});

describe('queryProblem', () => {
  it('queryProblem refuses any query parameter, naming the gated field it spells', () => {
    expect(queryProblem('/x?to=%2B1', ['To'])?.field).toBe('To');
    expect(queryProblem('/x?PageSize=5', ['To'])?.field).toBe('PageSize');
    expect(queryProblem('/x?', ['To'])).toBeUndefined();
    expect(queryProblem('/x', ['To'])).toBeUndefined();
  });
});
