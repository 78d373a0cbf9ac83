#!/usr/bin/env node
/**
 * `npm run build`: the gateway compiled to plain JavaScript for production (`npm start`, the Docker
 * image), so no TypeScript loader runs there.
 *
 *   node scripts/build.mjs [outDir]     (default dist/)
 *
 * tsc emits src/ and adapters/ as they are (tsconfig.build.json). The sources import each other
 * without file extensions, which TypeScript and tsx accept and Node's ESM loader does not; so each
 * relative specifier in the output is then completed to the file it names (`./x` → `./x.js`, or
 * `./x/index.js` for a directory), and so is a path into a package that declares no exports
 * (`twilio/lib/webhooks/webhooks`). A specifier that names no file fails the build rather than the
 * gateway's start. Static files the code serves (the console's assets) are copied beside it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, process.argv[2] ?? 'dist');

rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

// from '…', import '…', import('…'), export … from '…'.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\s]+)\2/g;
const unresolved = [];

// import.meta.resolve finds the file a specifier names but does not check that it is there.
function resolves(specifier) {
  try {
    const url = import.meta.resolve(specifier);
    return !url.startsWith('file:') || statSync(fileURLToPath(url)).isFile();
  } catch {
    return false;
  }
}

function complete(file, specifier) {
  if (/\.(m?js|json)$/.test(specifier) || specifier.startsWith('node:')) return specifier;
  if (!specifier.startsWith('.')) {
    // A package (from the one node_modules every output file shares): as it resolves, or with .js.
    if (resolves(specifier)) return specifier;
    if (resolves(specifier + '.js')) return specifier + '.js';
    unresolved.push(`${file}: ${specifier}`);
    return specifier;
  }
  const target = resolve(dirname(file), specifier);
  if (existsSync(target + '.js')) return specifier + '.js';
  if (existsSync(join(target, 'index.js'))) return specifier + '/index.js';
  unresolved.push(`${file}: ${specifier}`);
  return specifier;
}

function rewrite(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) rewrite(path);
    else if (name.endsWith('.js')) {
      const source = readFileSync(path, 'utf8');
      const output = source.replace(SPECIFIER, (_all, lead, quote, specifier) => lead + quote + complete(path, specifier) + quote);
      if (output !== source) writeFileSync(path, output);
    }
  }
}

rewrite(outDir);
// Files the compiled code serves as they are (the console's browser modules and stylesheet): copied beside it.
for (const dir of ['src/http/console/assets']) cpSync(join(root, dir), join(outDir, dir), { recursive: true });
if (unresolved.length) {
  process.stderr.write(`build: relative imports that name no compiled file:\n  ${unresolved.join('\n  ')}\n`);
  process.exit(1);
}
