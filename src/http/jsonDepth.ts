/**
 * How deep a JSON body may nest. Parsing a deep document is cheap, but what
 * comes after it is recursive — validation, the canonical JSON a decision is
 * hashed under, re-serialising a carrier body — and runs out of stack a few
 * thousand levels down, far after a decision may have been recorded. No body
 * the gateway takes needs more than a handful of levels, so every JSON body it
 * parses is held to this bound at the edge, before anything else reads it.
 */
import { AppError } from '../errors';

export const MAX_JSON_DEPTH = 32;

/**
 * Whether a parsed JSON value nests objects or arrays more than `maxDepth`
 * levels deep (a flat object is one level). Recurses at most `maxDepth + 1`
 * frames, whatever the input.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (maxDepth <= 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestsDeeperThan(item, maxDepth - 1)) return true;
    return false;
  }
  for (const key in value) if (nestsDeeperThan((value as Record<string, unknown>)[key], maxDepth - 1)) return true;
  return false;
}

/** The refusal for a body that nests too deep, as a value the edge turns into its dialect. */
export function tooDeeplyNested(): AppError {
  return new AppError('VALIDATION_FAILED', undefined, { body: `nests deeper than ${MAX_JSON_DEPTH} levels` });
}
