/**
 * `consent-gate orgs create` and `consent-gate keys create|list|revoke`:
 * tenants and API keys on the local store, through the same use cases as
 * POST /v1/orgs and /v1/keys. A secret is printed once; the store keeps its
 * hash.
 */
import type { Command } from 'commander';
import { AppError } from '../../errors';
import { DEFAULT_ORG_ID } from '../../gate/bootstrap';
import { createKeySchema } from '../../gate/schemas';
import { createKey, createOrg, keyView, revokeKey } from '../../gate/tenants';
import { CliError, EXIT, parseInput, withRuntime, type Io } from '../runtime';
import { columns, json } from '../format';

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function registerKeys(program: Command, io: Io): void {
  const orgs = program.command('orgs').description('organisations (tenants)');
  orgs
    .command('create <name>')
    .description('create an org and its first API key (every scope but admin)')
    .option('--monthly-quota <n>', 'monthly allowed-send quota for pre-send')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { monthlyQuota?: string; json?: boolean }, cmd: Command) => {
      const quota = opts.monthlyQuota === undefined ? null : Number(opts.monthlyQuota);
      if (quota !== null && !(Number.isInteger(quota) && quota > 0)) throw new CliError('--monthly-quota: must be a positive whole number');
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        const { org, firstKey } = await createOrg(ctx, name, quota);
        if (opts.json) io.out.write(json({ org_id: org.id, name: org.name, api_key: firstKey.secret, key: keyView(firstKey.key) }));
        else
          io.out.write(
            `Created org ${org.id} (${org.name}) and its first key ${firstKey.key.id}.\nThe secret is shown this once — save it now:\n\n    ${firstKey.secret}\n\n`,
          );
        return EXIT.OK;
      });
    });

  const keys = program.command('keys').description('API keys of an org');
  keys
    .command('create')
    .description('create an API key; its secret is printed once')
    .option('--org <id>', 'the org', DEFAULT_ORG_ID)
    .requiredOption('--scopes <list>', 'comma-separated: precall,presend,revoke,consent:read,consent:write,audit:read,admin')
    .option('--ip-allowlist <cidrs>', 'comma-separated CIDRs the key may be used from')
    .option('--rate-limit <perMinute>', 'requests per minute for this key')
    .option('--json', 'print JSON')
    .action(async (opts: { org: string; scopes: string; ipAllowlist?: string; rateLimit?: string; json?: boolean }, cmd: Command) => {
      const input = parseInput(
        createKeySchema,
        {
          scopes: list(opts.scopes),
          ...(opts.ipAllowlist ? { ip_allowlist: list(opts.ipAllowlist) } : {}),
          ...(opts.rateLimit ? { rate_limit_per_minute: Number(opts.rateLimit) } : {}),
        },
        { scopes: '--scopes', ip_allowlist: '--ip-allowlist', rate_limit_per_minute: '--rate-limit' },
      );
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        if (!(await ctx.ledger.getOrg(opts.org))) throw new CliError(`--org: no org ${opts.org}`);
        const { key, secret } = await createKey(ctx, opts.org, input);
        if (opts.json) io.out.write(json({ ...keyView(key), api_key: secret }));
        else
          io.out.write(
            `Created key ${key.id} for ${key.org_id} with scopes ${key.scopes.join(', ')}.\nThe secret is shown this once — save it now:\n\n    ${secret}\n\n`,
          );
        return EXIT.OK;
      });
    });
  keys
    .command('list')
    .description("list an org's keys (never their secrets)")
    .option('--org <id>', 'the org', DEFAULT_ORG_ID)
    .option('--json', 'print JSON')
    .action(async (opts: { org: string; json?: boolean }, cmd: Command) => {
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        const all = await ctx.ledger.listApiKeys(opts.org);
        if (opts.json) io.out.write(json(all.map(keyView)));
        else if (!all.length) io.out.write(`No keys for ${opts.org}.\n`);
        else
          io.out.write(
            columns([
              ['ID', 'PREFIX', 'SCOPES', 'CREATED', 'REVOKED'],
              ...all.map((k) => [
                k.id,
                k.prefix + '…',
                k.scopes.join(','),
                k.created_at.slice(0, 19) + 'Z',
                k.revoked_at ? k.revoked_at.slice(0, 19) + 'Z' : '-',
              ]),
            ]),
          );
        return EXIT.OK;
      });
    });
  keys
    .command('revoke <keyId>')
    .description('revoke a key: it stops working at once')
    .option('--org <id>', 'the org', DEFAULT_ORG_ID)
    .action(async (keyId: string, opts: { org: string }, cmd: Command) => {
      process.exitCode = await withRuntime(cmd.optsWithGlobals(), io, async ({ ctx }) => {
        const key = await revokeKey(ctx, opts.org, keyId).catch((err: unknown) => {
          throw err instanceof AppError && err.code === 'NOT_FOUND' ? new CliError(`no key ${keyId} in ${opts.org}`) : err;
        });
        io.out.write(`Key ${key.id} revoked at ${key.revoked_at}.\n`);
        return EXIT.OK;
      });
    });
}
