// The rules a command runs. The custom-rule machinery (JSONPath, RE2, ajv) is loaded only when a config file or
// --rules-file can bring custom rules: a plain lint run starts without it.
import type { Config } from '../config.js';
import { BUILTIN_RULES } from '../registry.js';
import type { Rule } from '../rule.js';

/** As cli.ts's rulesFor; throws UsageError (exit 2) for a malformed rule or an unreadable rules file. */
export async function rulesFor(cwd: string, config: Config, rulesFileFlags: readonly string[] = []): Promise<readonly Rule[]> {
  if (!config.file && !rulesFileFlags.length) return BUILTIN_RULES;
  return (await import('./cli.js')).rulesFor(cwd, config, rulesFileFlags);
}
