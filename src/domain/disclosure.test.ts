import { describe, it, expect } from 'vitest';
import { renderDisclosure, speakableNumber } from './disclosure';

describe('renderDisclosure', () => {
  it('default AI script names the entity, says it is an AI and how to opt out', () => {
    const d = renderDisclosure('ai_voice', 'Acme Insurance LLC', '+18005550100')!;
    expect(d.script).toContain('Acme Insurance LLC');
    expect(d.script).toMatch(/\bAI\b/);
    expect(d.script).toMatch(/say stop or press 9/);
    expect(d.script).toContain('800-555-0100');
    expect(d).toMatchObject({ required: true, version: 'cg-default-v1', delivery_window_seconds: 2 });
  });

  it('default script without a callback number has no dangling sentence', () => {
    const d = renderDisclosure('automated_voice', 'Acme', undefined)!;
    expect(d.script).not.toContain('callback');
    expect(d.script).toContain('automated call on behalf of Acme');
  });

  it('custom template fills {entity} and {callback_number} and is versioned by content', () => {
    const t = { text: 'Hello from {entity}, an AI. Call {callback_number}. Say stop to opt out.' };
    const a = renderDisclosure('ai_voice', 'Beta Co', '+12125550100', t)!;
    expect(a.script).toBe('Hello from Beta Co, an AI. Call 212-555-0100. Say stop to opt out.');
    const b = renderDisclosure('ai_voice', 'Beta Co', undefined, { text: t.text + ' Thanks.' })!;
    expect(a.version).toMatch(/^custom-/);
    expect(b.version).not.toBe(a.version);
    expect(renderDisclosure('ai_voice', 'X', undefined, { text: 'x', version: 'fcc-2026-v3' })!.version).toBe('fcc-2026-v3');
  });

  it('asked again, answers as the first time for each entity, number and template, in any order', () => {
    const t = { text: 'Hi from {entity} on {callback_number}.' };
    const asks: ['ai_voice' | 'automated_voice', string, string | undefined, typeof t | undefined][] = [
      ['ai_voice', 'Acme', '+18005550100', undefined],
      ['ai_voice', 'Acme', undefined, undefined],
      ['automated_voice', 'Acme', '+18005550100', undefined],
      ['ai_voice', 'Beta', '+18005550100', undefined],
      ['ai_voice', 'Acme', '+18005550100', t],
      ['ai_voice', 'Acme', '+18005550100', { text: 'Other {entity}.' }],
    ];
    const first = asks.map((a) => renderDisclosure(...a));
    expect(new Set(first.map((d) => d!.script)).size).toBe(asks.length);
    first[0]!.script = 'changed by its caller';
    expect([...asks].reverse().map((a) => renderDisclosure(...a))).toEqual([...asks].reverse().map((a) => renderDisclosure(...a)));
    expect(renderDisclosure(...asks[0])!.script).toContain('on behalf of Acme');
    expect(asks.slice(1).map((a) => renderDisclosure(...a))).toEqual(first.slice(1));
  });

  it('human calls need no disclosure', () => {
    expect(renderDisclosure('human_voice', 'Acme', undefined)).toBeNull();
  });

  it('non-NANP numbers are read as they are', () => {
    expect(speakableNumber('+447911123456')).toBe('+447911123456');
  });
});
