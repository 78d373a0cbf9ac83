import { describe, expect, it } from 'vitest';
import { chainHash, type AuditBody } from './auditChain';
import { canonicalJson } from './canonicalJson';

// Audit chains already on disk were hashed over this exact text: any change
// to canonicalJson's output would make every stored chain fail verification.
const BODY = {
  kind: 'decision',
  ref_id: 'dec_1',
  at: '2026-04-10T20:00:00.000Z',
  facts: { kind: 'precall', entity: 'Acme', allowed: true, reason: null, skipped: undefined },
  personal_digest: 'ab',
  list: [3, 'x', undefined, { z: 1, a: [true, null] }],
  'quo"te': 'é\n',
};
const TEXT =
  '{"at":"2026-04-10T20:00:00.000Z","facts":{"allowed":true,"entity":"Acme","kind":"precall","reason":null},"kind":"decision",' +
  '"list":[3,"x",null,{"a":[true,null],"z":1}],"personal_digest":"ab","quo\\"te":"é\\n","ref_id":"dec_1"}';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members, keeps undefined array slots as null', () => {
    expect(canonicalJson(BODY)).toBe(TEXT);
  });

  it('hashes a chain entry exactly as earlier versions did', () => {
    expect(chainHash('prev', BODY as unknown as AuditBody)).toBe('89091a3b6cf6ace170856b36066d29455323cade247d3be6fe84e18c63ca91a1');
  });

  it('writes scalars and empty containers as JSON does', () => {
    expect([null, undefined, 1.5, 'a', true, [], {}].map(canonicalJson)).toEqual(['null', 'null', '1.5', '"a"', 'true', '[]', '{}']);
  });

  it('orders keys as a sort of Object.keys does, few or many, numeric, non-ASCII and surrogate keys among them', () => {
    const pool = ['b', 'a', 'B', '10', '9', '0', '_', 'é', 'z', '😀', '\ud83d', 'ａ', 'aa', 'a0', ' ', '', 'Z', '1e3', '-1', 'ab'];
    let x = 88172645;
    const differ: string[] = [];
    for (let n = 0; n < 300; n++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const obj: Record<string, number> = {};
      for (let i = 0; i < ((x >>> 0) % 24) + 1; i++) obj[pool[(x >>> (i % 27)) % pool.length] + (i > 19 ? i : '')] = i;
      const expected =
        '{' +
        Object.keys(obj)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${obj[k]}`)
          .join(',') +
        '}';
      if (canonicalJson(obj) !== expected) differ.push(expected);
    }
    expect(differ).toEqual([]);
  });

  it('writes every kind of number and boolean as JSON.stringify does', () => {
    const values = [0, -0, 1, -1, 0.1, 1e21, 1e-7, -1.5e-300, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, true, false];
    const differ = values.filter((v) => canonicalJson(v) !== JSON.stringify(v) || canonicalJson([v]) !== JSON.stringify([v]));
    expect(differ).toEqual([]);
  });

  it('quotes every string as JSON.stringify does (each UTF-16 unit alone and inside text, surrogate pairs)', () => {
    const strings = ['', '😀', 'a😀b', '\ud83d', 'x\ude00', '\u2028\u2029', 'tab\there', 'back\\slash'];
    for (let c = 0; c < 0x10000; c++) strings.push(String.fromCharCode(c), `id_${String.fromCharCode(c)}!`);
    const differ = strings.filter((s) => canonicalJson(s) !== JSON.stringify(s));
    expect(differ).toEqual([]);
  });
});
