import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_CALENDARS } from './holidayCalendars';
import { WEEKDAYS, type StateRule, type StateRuleSet } from './ruleTypes';
import { stateOfJurisdiction } from './stateCodes';

// A light structural check of the shipped rule data; the loader validates it fully.
const ruleSet = JSON.parse(readFileSync(new URL('../../../reference/state-rules.json', import.meta.url), 'utf8')) as StateRuleSet;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function rulesOf(jurisdiction: string, kind: StateRule['kind']): StateRule[] {
  return ruleSet.rules.filter((r) => r.jurisdiction === jurisdiction && r.kind === kind);
}

describe('reference/state-rules.json', () => {
  it('has a date-based version', () => {
    expect(ruleSet.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it('gives every rule a unique id under its jurisdiction, a citation, a source, dates and coverage', () => {
    const ids = new Set<string>();
    for (const rule of ruleSet.rules) {
      expect(ids.has(rule.id), rule.id).toBe(false);
      ids.add(rule.id);
      expect(rule.id.startsWith(`${rule.jurisdiction}/`), rule.id).toBe(true);
      expect(stateOfJurisdiction(rule.jurisdiction), rule.id).not.toBeNull();
      expect(rule.citation.trim(), rule.id).not.toBe('');
      expect(new URL(rule.source).protocol, rule.id).toMatch(/^https?:$/);
      expect(rule.effective_from, rule.id).toMatch(ISO_DATE);
      if (rule.effective_until !== undefined) {
        expect(rule.effective_until, rule.id).toMatch(ISO_DATE);
        expect(rule.effective_until >= rule.effective_from, rule.id).toBe(true);
      }
      expect(['primary', 'secondary'], rule.id).toContain(rule.verified);
      expect(['statute', 'policy'], rule.id).toContain(rule.applies_to.telemarketing_call);
      expect(['statute', 'policy'], rule.id).toContain(rule.applies_to.marketing_text);
      expect(rule.note?.trim(), rule.id).toBeTruthy();
    }
  });

  it('gives calling hours real windows in a known zone, and holidays known calendars', () => {
    for (const rule of ruleSet.rules) {
      if (rule.kind === 'calling_hours') {
        expect(rule.time_zone === 'recipient' || isZone(rule.time_zone), rule.id).toBe(true);
        for (const [day, window] of Object.entries(rule.windows)) {
          expect(WEEKDAYS, `${rule.id} ${day}`).toContain(day);
          if (window === null) continue;
          expect(window.start, rule.id).toMatch(CLOCK);
          expect(window.end, rule.id).toMatch(CLOCK);
          expect(window.start < window.end, `${rule.id} ${day}`).toBe(true);
        }
      } else if (rule.kind === 'holiday') {
        expect(rule.calendars.length, rule.id).toBeGreaterThan(0);
        for (const calendar of rule.calendars) expect(KNOWN_CALENDARS.has(calendar), `${rule.id} ${calendar}`).toBe(true);
      } else if (rule.kind === 'frequency_cap') {
        expect(Number.isInteger(rule.limit) && rule.limit > 0, rule.id).toBe(true);
        expect(Number.isInteger(rule.window_hours) && rule.window_hours > 0, rule.id).toBe(true);
      }
    }
  });

  it('covers every state the contract names with calling hours', () => {
    for (const state of ['FL', 'OK', 'MD', 'TX', 'WA', 'CT', 'RI', 'LA', 'AL', 'MS', 'PA']) {
      expect(rulesOf(`US-${state}`, 'calling_hours').length, state).toBeGreaterThan(0);
    }
  });

  it('caps Florida, Oklahoma and Maryland at three contacts in 24 hours', () => {
    for (const state of ['US-FL', 'US-OK', 'US-MD']) {
      const caps = rulesOf(state, 'frequency_cap');
      expect(caps, state).toMatchObject([{ limit: 3, window_hours: 24 }]);
    }
  });

  it('bans Sundays where the law does, and holidays with the state calendar', () => {
    for (const state of ['US-RI', 'US-LA', 'US-AL', 'US-MS']) {
      for (const rule of rulesOf(state, 'calling_hours')) {
        expect(rule.kind === 'calling_hours' && rule.windows.sun == null, rule.id).toBe(true);
      }
    }
    for (const state of ['US-RI', 'US-LA', 'US-AL', 'US-PA']) {
      expect(rulesOf(state, 'holiday'), state).toMatchObject([{ calendars: expect.arrayContaining([state]) }]);
    }
    expect(rulesOf('US-LA', 'state_of_emergency')).toHaveLength(1);
  });

  it("replaces Pennsylvania's 2019 window on the day the reported 2026 act takes effect", () => {
    const hours = rulesOf('US-PA', 'calling_hours');
    const old = hours.find((r) => r.effective_until !== undefined);
    const current = hours.find((r) => r.effective_until === undefined);
    expect(old?.effective_until).toBe('2026-10-17');
    expect(current).toMatchObject({
      effective_from: '2026-10-18',
      verified: 'secondary',
      windows: { mon: { start: '09:00', end: '19:00' } },
    });
    expect(current?.kind === 'calling_hours' && current.windows.sun == null).toBe(true);
  });
});
