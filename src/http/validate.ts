/** Request validation at the edge: a zod schema in, typed data or a VALIDATION_FAILED envelope out. */
import type { z } from 'zod';
import { AppError } from '../errors';
import { issuesToDetails, safeParseReporting } from '../gate/schemas';
import { nestsDeeperThan, tooDeeplyNested } from './jsonDepth';

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  if (input === undefined || input === null) throw new AppError('VALIDATION_FAILED', undefined, { body: 'is required (JSON object)' });
  if (nestsDeeperThan(input)) throw tooDeeplyNested();
  const result = safeParseReporting(schema, input);
  if (!result.success) throw new AppError('VALIDATION_FAILED', undefined, issuesToDetails(result.error));
  return result.data;
}
