/** How scripts are declared and run; each family narrows `RunScript` to its own names. */
import type { RedisClient } from '../connection';

export interface ScriptDef {
  /** Unset: variable, the runner passes the count. */
  numberOfKeys?: number;
  lua: string;
}

/** Runs one script by name; only the wrappers of the script families call it. */
export type RunScript<Name extends string = string> = <T = unknown>(name: Name, keys: string[], args?: (string | number)[]) => Promise<T>;

/** Loads `scripts` on `client` and answers how to run them. */
export function defineScripts<Name extends string>(client: RedisClient, scripts: Record<Name, ScriptDef>): RunScript<Name> {
  for (const [name, def] of Object.entries(scripts) as [string, ScriptDef][]) {
    client.defineCommand(name, { numberOfKeys: def.numberOfKeys, lua: def.lua });
  }
  const commands = client as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>;
  return <T>(name: Name, keys: string[], args: (string | number)[] = []) => {
    const def: ScriptDef = scripts[name];
    // Scripts with a variable number of keys take the count first.
    return (def.numberOfKeys !== undefined ? commands[name](...keys, ...args) : commands[name](keys.length, ...keys, ...args)) as Promise<T>;
  };
}
