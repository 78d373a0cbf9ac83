/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and lists the
 * hottest frames by self time and by total (inclusive) time, so a profile can
 * be read in a terminal: `tsx bench/lib/cpuprofile.ts <file> [top]`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FrameShare {
  frame: string;
  /** Share of all samples, 0..1. */
  self: number;
  total: number;
}

function frameName(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url
    ? url
        .replace(/^file:\/\//, '')
        .replace(/^.*\/node_modules\//, 'npm:')
        .replace(/^.*\/(src|adapters|bench|test)\//, '$1/')
    : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file.includes('/') ? file : basename(file)}:${lineNumber + 1}` : ''}`;
}

export function summarizeProfile(profile: CpuProfile, top = 25): { self: FrameShare[]; total: FrameShare[]; samples: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<number, number>();
  if (profile.samples?.length) for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  else for (const n of profile.nodes) hits.set(n.id, n.hitCount ?? 0);
  let all = 0;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, count] of hits) {
    all += count;
    const node = byId.get(id)!;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + count);
    // Inclusive: every distinct frame on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = frameName(byId.get(cur)!);
      if (seen.has(f)) continue;
      seen.add(f);
      total.set(f, (total.get(f) ?? 0) + count);
    }
  }
  const rank = (m: Map<string, number>, key: 'self' | 'total') =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, n]) => ({
        frame,
        self: key === 'self' ? n / all : (self.get(frame) ?? 0) / all,
        total: key === 'total' ? n / all : (total.get(frame) ?? 0) / all,
      }));
  return { self: rank(self, 'self'), total: rank(total, 'total'), samples: all };
}

/** Self time grouped by source: an npm package, a file of ours, or a node/native bucket. */
export function selfByModule(profile: CpuProfile, top = 25): { module: string; self: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  let all = 0;
  const add = (id: number, n: number) => {
    const node = byId.get(id)!;
    const url = node.callFrame.url;
    let m: string;
    if (!url) m = node.callFrame.functionName.startsWith('(') ? node.callFrame.functionName : `(native) ${node.callFrame.functionName}`;
    else if (url.includes('/node_modules/')) m = 'npm:' + url.replace(/^.*\/node_modules\//, '').replace(/^(@[^/]+\/[^/]+|[^/]+)\/.*$/, '$1');
    else if (url.startsWith('node:')) m = 'node:' + url.slice(5).split('/').slice(0, 2).join('/');
    else m = url.replace(/^file:\/\//, '').replace(/^.*\/(src|adapters|bench|test)\//, '$1/');
    counts.set(m, (counts.get(m) ?? 0) + n);
    all += n;
  };
  if (profile.samples?.length) for (const s of profile.samples) add(s, 1);
  else for (const n of profile.nodes) add(n.id, n.hitCount ?? 0);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([module, n]) => ({ module, self: n / all }));
}

export function formatSummary(s: ReturnType<typeof summarizeProfile>): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const lines = [`${s.samples} samples`, '', 'self    total   frame (by self time)'];
  for (const f of s.self) lines.push(`${pct(f.self)}  ${pct(f.total)}  ${f.frame}`);
  lines.push('', 'self    total   frame (by inclusive time)');
  for (const f of s.total) lines.push(`${pct(f.self)}  ${pct(f.total)}  ${f.frame}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/lib/cpuprofile.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  console.log(formatSummary(summarizeProfile(profile, Number(process.argv[3] ?? 25))));
  console.log('\nself    by module');
  for (const m of selfByModule(profile, Number(process.argv[3] ?? 25))) console.log(`${(m.self * 100).toFixed(1).padStart(5)}%  ${m.module}`);
}
