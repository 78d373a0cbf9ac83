/** Small helpers for what the CLI prints. */
import { maskPhone } from '../domain/phone';
import { isSuppressionKey } from '../ledger/ledger';

/** A phone for the screen: masked (`+1212*****43`), or the start of its key once anonymised. */
export function screenPhone(phone: string): string {
  return isSuppressionKey(phone) ? phone.slice(0, 17) + '…' : maskPhone(phone);
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Columns padded to their widest cell. */
export function columns(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

export function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
