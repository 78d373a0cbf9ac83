/**
 * The import's fast path for the CSV most files are: a segment with no
 * quotes, carriage returns, tabs or form feeds is read by splitting it into
 * lines and commas. For such bytes that is exactly what csv-parse makes of
 * them with the import's options (trim, skip_empty_lines,
 * relax_column_count, named columns): plainCsv.test.ts compares the two on
 * generated segments. Anything else (a quoted field, CRLF line ends, the
 * header with its byte-order mark) still goes to csv-parse.
 *
 * Why it is kept beside csv-parse: csv-parse walks every byte and keeps its
 * counters per field, a large share of a large import's parsing thread
 * (docs/performance.md, "Second paths").
 */

const QUOTE = 0x22;
const TAB = 0x09;
const CR = 0x0d;
const FORM_FEED = 0x0c;

/**
 * True when `bytes` holds none of the bytes that make csv-parse read a field otherwise than
 * "split at commas, trim": quotes, and the white space it trims from a field's start besides
 * spaces and line feeds; nor starts with a byte-order mark.
 */
export function isPlainCsv(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // csv-parse (bom: true) drops a byte-order mark that starts its input: left to it, as the header's is.
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return false;
  return b.indexOf(QUOTE) < 0 && b.indexOf(CR) < 0 && b.indexOf(TAB) < 0 && b.indexOf(FORM_FEED) < 0;
}

const isSpaces = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 0x20) return false;
  return true;
};

/**
 * A field as csv-parse trims it: spaces off its start (its left trim knows only ASCII white space,
 * and a plain segment has no other kind but the line feed it was cut at), and any white space
 * JavaScript knows off its end (the right trim is String.prototype.trimEnd, NBSP included).
 */
function trimField(s: string): string {
  let from = 0;
  while (from < s.length && s.charCodeAt(from) === 0x20) from++;
  return (from === 0 ? s : s.slice(from)).trimEnd();
}

/**
 * Hands each record of a plain segment to `onRecord` as csv-parse hands it to `on_record`: an
 * object of the named columns (fields past the last column dropped, missing ones absent) and the
 * line, from 1, it is on. Lines of nothing but spaces are skipped. Answers the lines the text
 * spans the way csv-parse counts them: its line breaks.
 */
export function readPlainCsv(text: string, columns: string[], onRecord: (record: Record<string, string>, line: number) => void): number {
  let line = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end);
    start = end + 1;
    // skip_empty_lines: csv-parse skips a line whose fields are all still empty at its end (after the left trim).
    if (isSpaces(raw)) continue;
    const fields = raw.split(',');
    const record: Record<string, string> = {};
    for (let i = 0; i < fields.length && i < columns.length; i++) record[columns[i]] = trimField(fields[i]);
    onRecord(record, line);
  }
  return text.endsWith('\n') ? line : Math.max(0, line - 1);
}
