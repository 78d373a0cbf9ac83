/** Small helpers for what the CLI prints. */
import { maskPhone } from '../domain/phone';
import { isSuppressionKey } from '../domain/suppressionKey';

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

/**
 * Spreadsheets read a cell that starts with one of these as a formula (`=HYPERLINK(…)` leaks
 * the sheet to a URL; `@`, `+`, `-` start formulas too; a leading tab or CR is dropped and the
 * next character read as the start). OWASP's remedy: a single quote in front, which a
 * spreadsheet reads as "this is text". An E.164 phone number is escaped as well (it starts with
 * `+`); the quote also keeps a spreadsheet from turning it into a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180 quoting), never read as a formula: every CSV the project writes goes through here. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
