// The rules a command runs: the built-ins plus the custom rules of the config file, its rulesFiles and --rules-file.
import { dirname, resolve } from 'node:path';
import type { Config } from '../config.js';
import { asArray } from '../json.js';
import { display } from '../loader/discover.js';
import { BUILTIN_RULES } from '../registry.js';
import type { Rule } from '../rule.js';
import { UsageError } from '../cli/io.js';
import { compileCustomRules, CustomRuleError, readRulesFile, RulesFileReadError, type RulesDocument } from './load.js';

/** Throws UsageError (exit 2) with `file:line:col: message` for a malformed rule or an unreadable rules file. */
export function rulesFor(cwd: string, config: Config, rulesFileFlags: readonly string[] = []): readonly Rule[] {
  try {
    const docs: RulesDocument[] = [];
    const seen = new Set<string>();
    const add = (abs: string, onError: string): void => {
      if (seen.has(abs)) return;
      seen.add(abs);
      try {
        docs.push(readRulesFile(abs, display(cwd, abs)));
      } catch (err) {
        if (err instanceof RulesFileReadError) throw new CustomRuleError(`${onError}: ${err.reason}`);
        throw err;
      }
    };
    if (config.file) {
      const shown = display(cwd, config.file);
      docs.push({ file: shown, value: config.raw, locate: config.locate, isConfig: true });
      // rulesFiles are relative to the config file's folder, like ignorePatterns.
      asArray(config.raw.rulesFiles).forEach((f, i) => {
        if (typeof f !== 'string') return;
        const r = config.locate(['rulesFiles', i]);
        add(resolve(dirname(config.file!), f), `${shown}:${r.start.line}:${r.start.column}: cannot read the rules file ${JSON.stringify(f)}`);
      });
    }
    for (const f of rulesFileFlags) add(resolve(cwd, f), `--rules-file ${f}: cannot read the file`);
    if (!docs.length) return BUILTIN_RULES;
    return [...BUILTIN_RULES, ...compileCustomRules(docs, new Set(BUILTIN_RULES.map((r) => r.meta.id)))];
  } catch (err) {
    if (err instanceof CustomRuleError) throw new UsageError(err.message);
    throw err;
  }
}
