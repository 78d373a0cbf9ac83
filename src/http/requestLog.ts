/** The access log line, the same from both lanes. The path only: query strings may carry phone numbers. */
import type { Logger } from '../observability/logger';

export function logRequest(logger: Logger, requestId: string, method: string, path: string, status: number, started: bigint): void {
  logger.info({ request_id: requestId, method, path, status, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
}
