/**
 * The child servers of one bench run: started through spawnServer, tracked so
 * an interrupted run stops them all, and (with --cpu-prof) their profiles
 * summarised as each gateway stops, when node has just written them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSummary, selfByModule, summarizeProfile } from './cpuprofile';
import { mainThreadProfile, spawnServer, type ChildServer } from './proc';

export interface ServerPoolOptions {
  /** Where gateway children write their profiles; no profiling when unset. */
  profDir: string | undefined;
  cpuProfIntervalUs: number | undefined;
  log: (s: string) => void;
  /** Receives the summary of each profile read, under the server's name. */
  onProfile: (serverName: string, summary: Record<string, unknown>) => void;
}

export class ServerPool {
  private readonly running: ChildServer[] = [];

  constructor(private readonly options: ServerPoolOptions) {}

  async start(name: string, script: string, env: Record<string, string>): Promise<ChildServer> {
    const { profDir, cpuProfIntervalUs } = this.options;
    const server = await spawnServer(name, script, {
      env,
      cpuProfDir: profDir && script === 'gateway.ts' ? join(profDir, name) : undefined,
      cpuProfIntervalUs,
    });
    this.running.push(server);
    return server;
  }

  async stop(server: ChildServer): Promise<void> {
    await server.stop();
    this.running.splice(this.running.indexOf(server), 1);
    this.readProfile(server);
  }

  /** For an interrupted run: stops whatever is still running, ignoring failures. */
  async stopAll(): Promise<void> {
    for (const c of [...this.running]) await c.stop().catch(() => {});
  }

  private readProfile(server: ChildServer): void {
    const { profDir, log, onProfile } = this.options;
    if (!profDir || !existsSync(join(profDir, server.name))) return;
    const file = mainThreadProfile(join(profDir, server.name), server.pid);
    if (!file) return;
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    const summary = summarizeProfile(profile, 30);
    const modules = selfByModule(profile, 30);
    log(
      `cpu profile of ${server.name} (${file}):\n${formatSummary(summary)}\n\nself    by module\n${modules.map((m) => `${(m.self * 100).toFixed(1).padStart(5)}%  ${m.module}`).join('\n')}`,
    );
    onProfile(server.name, { file, top_self: summary.self.slice(0, 15), top_total: summary.total.slice(0, 15), by_module: modules });
  }
}
