/**
 * The gate must read a request the way the carrier will. A field given twice
 * (which copy does the carrier take?), given in another letter case (some
 * decoders match names without regard to case), or given in the query string
 * of a POST (which the carrier may read as well as the body) would let the
 * gate check one number while the carrier dials another. Such requests are
 * refused before any decision: they are ambiguous, not blocked.
 */

export interface ShapeProblem {
  /** The field as the carrier names it. */
  field: string;
  message: string;
}

/**
 * Names compared as a case-insensitive decoder would: lower case, plus the two
 * letters Unicode case folding maps onto ASCII (`ſ` → s, Kelvin sign → k).
 */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\u017f/g, 's')
    .replace(/\u212a/g, 'k');
}

/** Parameter names in the query string of `pathAndQuery`, in order. */
export function queryNames(pathAndQuery: string): string[] {
  const q = pathAndQuery.indexOf('?');
  if (q === -1) return [];
  return [...new URLSearchParams(pathAndQuery.slice(q + 1)).keys()];
}

/**
 * A gated request carries everything in its body: any query parameter is
 * refused, since the gate reads none of them and the carrier might read all.
 */
export function queryProblem(pathAndQuery: string, gatedFields: readonly string[]): ShapeProblem | undefined {
  const [name] = queryNames(pathAndQuery);
  if (name === undefined) return undefined;
  const field = gatedFields.find((g) => foldName(g) === foldName(name)) ?? name;
  return { field, message: `Consent Gate does not accept '${name}' in the query string of a request it checks; send every parameter in the body` };
}

/**
 * The first gated field given twice or in another spelling, among the body's
 * field names (in order, repeats kept). `anyRepeat` also refuses repeats of
 * fields that are not gated (JSON objects never legitimately repeat a key;
 * form bodies do, e.g. Twilio's `MediaUrl`).
 */
export function fieldProblem(names: readonly string[], gatedFields: readonly string[], anyRepeat = false): ShapeProblem | undefined {
  const gated = new Map(gatedFields.map((g) => [foldName(g), g]));
  const seen = new Set<string>();
  for (const name of names) {
    const folded = foldName(name);
    const canonical = gated.get(folded);
    if (canonical !== undefined && name !== canonical) {
      return {
        field: canonical,
        message: `'${name}' is not how the carrier spells '${canonical}'; Consent Gate refuses it rather than guess which one the carrier reads`,
      };
    }
    if (seen.has(folded) && (canonical !== undefined || anyRepeat)) {
      return { field: canonical ?? name, message: `'${canonical ?? name}' is given more than once; Consent Gate cannot tell which one the carrier would use` };
    }
    seen.add(folded);
  }
  return undefined;
}

/**
 * The keys of a JSON object's top level, in order, repeats kept (JSON.parse
 * keeps only the last of a repeated key, silently). `text` must already be
 * known to be a valid JSON object.
 */
export function jsonTopLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let i = text.indexOf('{') + 1;
  let depth = 0;
  let expectKey = true;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (depth === 0 && expectKey) {
        keys.push(JSON.parse(text.slice(start, i + 1)) as string);
        expectKey = false;
      }
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) expectKey = true;
    i++;
  }
  return keys;
}
