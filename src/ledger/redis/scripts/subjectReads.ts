/** Scripts that read a subject slot for the retention job (../retention.ts), each at one instant. */
import type { RedisKeys } from '../keys';
import { DOCS_IN_ORDER_LUA } from './records';
import type { RunScript } from './runner';

type SubjectKeys = ReturnType<RedisKeys['subject']>;

export const SUBJECT_READ_SCRIPTS = {
  /**
   * Everything one subject slot holds, read at one instant.
   * KEYS: consents, consent order, revocations, revocation order, audit, head, decision time index.
   * → {consent docs, revocation docs, audit entries, head or '', decision members and scores}
   */
  cgSubjectDump: {
    numberOfKeys: 7,
    lua:
      DOCS_IN_ORDER_LUA +
      `
return {docs(KEYS[1], KEYS[2]), docs(KEYS[3], KEYS[4]), redis.call('LRANGE', KEYS[5], 0, -1), redis.call('GET', KEYS[6]) or '', redis.call('ZRANGE', KEYS[7], 0, -1, 'WITHSCORES')}
`,
  },

  /** KEYS: documents of one slot. → value ('' if gone) and PTTL of each, flattened. */
  cgGetWithTtl: {
    lua: `
local out = {}
for i = 1, #KEYS do
  out[#out + 1] = redis.call('GET', KEYS[i]) or ''
  out[#out + 1] = redis.call('PTTL', KEYS[i])
end
return out
`,
  },
};

type Run = RunScript<keyof typeof SUBJECT_READ_SCRIPTS>;

/** Everything one subject slot holds, read at one instant. */
export interface SubjectDump {
  consents: string[];
  revocations: string[];
  audit: string[];
  /** '' = none */
  head: string;
  /** The decision time index: members (`seq|id`) and their scores. */
  decisions: { member: string; score: number }[];
}

export async function dumpSubject(run: Run, s: SubjectKeys): Promise<SubjectDump> {
  const [consents, revocations, audit, head, index] = await run<[string[], string[], string[], string, string[]]>('cgSubjectDump', [
    s.consents,
    s.consentOrder,
    s.revocations,
    s.revocationOrder,
    s.audit,
    s.head,
    s.decisionsByTime,
  ]);
  const decisions: SubjectDump['decisions'] = [];
  for (let i = 0; i < index.length; i += 2) decisions.push({ member: index[i], score: Number(index[i + 1]) });
  return { consents, revocations, audit, head, decisions };
}

/** The value ('' if gone) and PTTL of each string key (all in one slot). */
export async function getWithTtl(run: Run, keys: string[]): Promise<{ value: string; pttl: number }[]> {
  const got = await run<(string | number)[]>('cgGetWithTtl', keys);
  return keys.map((_, i) => ({ value: got[2 * i] as string, pttl: Number(got[2 * i + 1]) }));
}
