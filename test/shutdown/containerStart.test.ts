/**
 * No Docker engine runs here, so the image is held to what can be checked
 * without one: the build (`npm run build`) and the files the runtime stage
 * copies, assembled in a directory of their own with no sources beside them,
 * start with the exact command, environment and health check the Dockerfile
 * declares a gateway that answers /healthz and stops with exit 0 on SIGTERM
 * (`docker stop`); the `consent-gate` command there runs the build too; and
 * nothing the runtime imports is a dev dependency, which `npm prune
 * --omit=dev` in the image leaves out.
 */
import { spawn, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, mkdtempSync, readFileSync, readdirSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY } from '../support/adminKey';
import { REPO_ROOT } from '../support/childGateway';
import { freePort } from '../support/ports';

const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

function jsonInstruction(name: string): string[] {
  const m = new RegExp(`^${name}\\s+(?:CMD\\s+)?(\\[.*\\])\\s*$`, 'm').exec(runtimeStage);
  if (!m) throw new Error(`no ${name} [...] in the Dockerfile's runtime stage`);
  return JSON.parse(m[1]);
}

function dockerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of runtimeStage.matchAll(/^ENV\s+(.+)$/gm)) for (const kv of m[1].matchAll(/(\w+)=(\S+)/g)) env[kv[1]] = kv[2];
  return env;
}

/** The runtime stage's /app: what it copies from the build stage, with dist/ built here. */
function assembleImageApp(): string {
  const app = mkdtempSync(join(tmpdir(), 'cg-image-'));
  const copied = [...runtimeStage.matchAll(/^COPY --from=build \/app\/(\S+)/gm)].map((m) => m[1]);
  for (const path of copied) {
    if (path === 'dist') {
      const built = spawnSync(process.execPath, ['scripts/build.mjs', join(app, 'dist')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
      if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
    } else if (path === 'node_modules') symlinkSync(join(REPO_ROOT, 'node_modules'), join(app, 'node_modules'));
    else cpSync(join(REPO_ROOT, path), join(app, path), { recursive: true });
  }
  return app;
}

describe('the Docker image, without Docker', () => {
  let app: string;
  beforeAll(() => {
    app = assembleImageApp();
  }, 200_000);

  it('ships the build and no sources', () => {
    expect(existsSync(join(app, 'dist/src/main.js'))).toBe(true);
    expect(existsSync(join(app, 'src'))).toBe(false);
  });

  it('declares a non-root user, the /data volume, a health check and the start command', () => {
    expect(runtimeStage).toMatch(/^FROM node:20-slim\s*$/m);
    expect(runtimeStage).toMatch(/^USER node$/m);
    expect(runtimeStage).toMatch(/^VOLUME \/data$/m);
    expect(dockerEnv()).toMatchObject({ DATA_DIR: '/data', PORT: '8080', HOST: '0.0.0.0' });
    expect(jsonInstruction('CMD')).toEqual(['node', 'dist/src/main.js']);
    expect(jsonInstruction('HEALTHCHECK.*?').slice(0, 2)).toEqual(['node', '-e']);
  });

  it("the image's command starts a gateway that passes the image's health check and stops with exit 0", async () => {
    const [cmd, ...args] = jsonInstruction('CMD');
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-docker-'));
    // The image's environment, with the data dir and port of this test and loopback only.
    const { CONSENT_GATE_API_KEY: _key, ...outer } = process.env;
    const env = { ...outer, ...dockerEnv(), PATH: process.env.PATH!, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    const child = spawn(cmd === 'node' ? process.execPath : cmd, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const [hcCmd, ...hcArgs] = jsonInstruction('HEALTHCHECK.*?');
      // Bounds for a busy CI machine, where starting node alone can take seconds; a healthy start passes at once.
      const healthcheck = () => spawnSync(hcCmd === 'node' ? process.execPath : hcCmd, hcArgs, { env, timeout: 15_000 }).status;
      const deadline = Date.now() + 60_000;
      let status = healthcheck();
      while (status !== 0 && Date.now() < deadline && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 200));
        status = healthcheck();
      }
      expect(status, output).toBe(0);
      expect(existsSync(join(dataDir, 'consent-gate.db'))).toBe(true);
      // The console ships in the build: its page, its modules (copied beside the compiled code) and the masking rule.
      const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
      expect((await get('/console')).headers.get('content-type')).toMatch(/^text\/html/);
      expect((await get('/console/assets/app.js')).status).toBe(200);
      const phone = await (await get('/console/assets/phone.js')).text();
      const masking = await import(`data:text/javascript,${encodeURIComponent(phone)}`);
      expect(masking.maskPhone('+12125550143')).toBe('+1212*****43');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // First start without CONSENT_GATE_API_KEY printed the generated admin key once.
    expect(output).toMatch(/cg_live_\w+/);
  }, 120_000);

  // The package's data files are read before the ledger is opened or a port listened on: a damaged
  // one must stop the start with a message naming it, not leave a gateway that fails its first decision.
  it.each([
    ['the opt-out model', 'reference/optout-ngram-model.json'],
    ['the state rules', 'reference/state-rules.json'],
  ])(
    '%s damaged in the image stops its start with exit 1, naming the file, before the ledger exists',
    (_what, file) => {
      // A copy of the image's /app (the package root is found from the running module, so dist/ is copied too).
      const damaged = mkdtempSync(join(tmpdir(), 'cg-image-damaged-'));
      for (const entry of readdirSync(app)) {
        if (entry === 'node_modules') symlinkSync(join(REPO_ROOT, 'node_modules'), join(damaged, entry));
        else cpSync(join(app, entry), join(damaged, entry), { recursive: true });
      }
      const original = readFileSync(join(damaged, file), 'utf8');
      writeFileSync(join(damaged, file), original.slice(0, Math.floor(original.length / 2)));
      const dataDir = mkdtempSync(join(tmpdir(), 'cg-docker-damaged-'));
      const [, ...args] = jsonInstruction('CMD');
      const env = { ...process.env, ...dockerEnv(), DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
      const run = spawnSync(process.execPath, args, { cwd: damaged, env, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stdout + run.stderr).toBe(1);
      expect(run.stderr).toContain(file);
      expect(existsSync(join(dataDir, 'consent-gate.db'))).toBe(false);
    },
    120_000,
  );

  it('the consent-gate command in the image runs the build, its import threads included', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-docker-cli-'));
    const env = { ...process.env, DATA_DIR: dataDir, CONSENT_GATE_API_KEY: ADMIN_KEY };
    const run = (args: string[]) => spawnSync(process.execPath, ['bin/consent-gate.js', ...args], { cwd: app, env, encoding: 'utf8', timeout: 60_000 });
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
    const csv = join(dataDir, 'c.csv');
    writeFileSync(
      csv,
      'phone,calling_entity,type,scope,ai_specific_consent,captured_at\n' +
        '+12125550143,Acme Insurance LLC,prior_express,human_voice|informational,false,2026-03-01T00:00:00Z\n' +
        '+12125550144,Acme Insurance LLC,prior_express,human_voice|informational,false,2026-03-01T00:00:00Z\n',
    );
    const imported = run(['consents', 'import', csv, '--parsers', '2', '--progress', 'none']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 imported');
  }, 120_000);

  it('everything the runtime imports is a production dependency', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) files.push(p);
      }
    };
    for (const dir of ['src', 'adapters', 'bin']) walk(dir);
    files.push('bin/consent-gate.js');
    const missing = new Set<string>();
    for (const f of files) {
      const src = readFileSync(join(REPO_ROOT, f), 'utf8');
      for (const m of src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
        const spec = m[1] ?? m[2];
        if (!spec || spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) continue;
        if (/^import\s+type\s/.test(m[0].trim())) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!pkg.dependencies[name]) missing.add(`${name} (${f})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
