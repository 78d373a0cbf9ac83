/**
 * The AI disclosure script: a versioned template per calling entity.
 *
 * The default names the entity, says the caller is an AI (or an automated
 * voice), and says how to opt out — the words the opt-out paths listen for
 * ("stop", DTMF 9). A custom template may use `{entity}` and
 * `{callback_number}`; the version is the template's own label, or a content
 * hash so a changed script is a new version in the audit log.
 */
import { createHash } from 'node:crypto';
import { boundedMemo } from './boundedMemo';
import type { CallType } from './vocabulary';

export interface DisclosureTemplate {
  text: string;
  version?: string;
}

export interface Disclosure {
  required: boolean;
  script: string;
  version: string;
  delivery_window_seconds: number;
}

export const DEFAULT_DISCLOSURE_VERSION = 'cg-default-v1';

const DEFAULT_TEMPLATES: Record<'ai_voice' | 'automated_voice', string> = {
  ai_voice: 'Hi, this is an AI assistant calling on behalf of {entity}.{callback_sentence} If you would like to opt out at any time, just say stop or press 9.',
  automated_voice: 'This is an automated call on behalf of {entity}.{callback_sentence} To opt out of future calls, say stop or press 9.',
};

/** Within this many seconds of answer the disclosure must start (it is the first thing said). */
export const DELIVERY_WINDOW_SECONDS = 2;

export function disclosureRequired(callType: CallType): boolean {
  return callType === 'ai_voice' || callType === 'automated_voice';
}

/** `+18005550100` → `800-555-0100`, as a person would read it out. */
export function speakableNumber(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : e164;
}

export function renderDisclosure(callType: CallType, entity: string, callbackNumber: string | undefined, template?: DisclosureTemplate): Disclosure | null {
  if (!disclosureRequired(callType)) return null;
  const { script, version } = renderedScript(callType as 'ai_voice' | 'automated_voice', entity, callbackNumber, template);
  return { required: true, script, version, delivery_window_seconds: DELIVERY_WINDOW_SECONDS };
}

// Every allowed call renders its entity's script again, with the same few entities and callback numbers:
// the answers are remembered per template (a policy's templates are made once), keyed by call type,
// callback number and entity (the entity last, after the only two NULs: neither a call type nor an
// E.164 number holds one).
const RENDERED = { limit: 1_000, maxInput: 512 };
const renderedDefault = boundedMemo((key) => renderScript(...keyParts(key), undefined), RENDERED);
const renderedCustom = new WeakMap<DisclosureTemplate, (key: string) => { script: string; version: string }>();

function renderedScript(
  callType: 'ai_voice' | 'automated_voice',
  entity: string,
  callbackNumber: string | undefined,
  template: DisclosureTemplate | undefined,
): { script: string; version: string } {
  const key = `${callType}\u0000${callbackNumber ?? ''}\u0000${entity}`;
  if (!template) return renderedDefault(key);
  let rendered = renderedCustom.get(template);
  if (!rendered) {
    rendered = boundedMemo((k) => renderScript(...keyParts(k), template), RENDERED);
    renderedCustom.set(template, rendered);
  }
  return rendered(key);
}

function keyParts(key: string): ['ai_voice' | 'automated_voice', string, string | undefined] {
  const first = key.indexOf('\u0000');
  const second = key.indexOf('\u0000', first + 1);
  const callback = key.slice(first + 1, second);
  return [key.slice(0, first) as 'ai_voice' | 'automated_voice', key.slice(second + 1), callback === '' ? undefined : callback];
}

function renderScript(
  callType: 'ai_voice' | 'automated_voice',
  entity: string,
  callbackNumber: string | undefined,
  template: DisclosureTemplate | undefined,
): { script: string; version: string } {
  const callback = callbackNumber ? speakableNumber(callbackNumber) : '';
  let script: string;
  let version: string;
  if (template) {
    script = template.text;
    version = template.version ?? 'custom-' + createHash('sha256').update(template.text).digest('hex').slice(0, 12);
  } else {
    script = DEFAULT_TEMPLATES[callType];
    version = DEFAULT_DISCLOSURE_VERSION;
  }
  script = script
    .replaceAll('{callback_sentence}', callback ? ` Our callback number is ${callback}.` : '')
    .replaceAll('{entity}', entity.trim())
    .replaceAll('{callback_number}', callback);
  return { script: script.replace(/\s+/g, ' ').trim(), version };
}
