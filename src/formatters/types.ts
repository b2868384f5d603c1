// What every lint formatter receives: findings plus the rule metadata they refer to. No YAML, no engine.
import type { RuleMeta } from '../rule.js';
import type { Finding, SourceFile } from '../types.js';

export interface FormatInput {
  readonly findings: readonly Finding[];
  readonly files: number;
  readonly resources: number;
  readonly rules: readonly RuleMeta[];
  /** For code frames; formatters only read lines from it. */
  readonly sources: ReadonlyMap<string, Pick<SourceFile, 'line'>>;
  readonly color: boolean;
  readonly version: string;
  /** Working directory, for formats that need absolute URIs. */
  readonly cwd: string;
  /** SARIF automationDetails category (code scanning keeps one result set per tool and category). */
  readonly category?: string;
  /** Every resource read, so that formats listing checks (JUnit) show the clean ones too. */
  readonly resourceList?: readonly { readonly file: string; readonly kind: string; readonly namespace: string; readonly name: string }[];
}

export type Formatter = (input: FormatInput) => string;

export interface Summary {
  readonly files: number;
  readonly resources: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Counts of unsuppressed findings. */
export function summarize(input: Pick<FormatInput, 'findings' | 'files' | 'resources'>): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of input.findings) {
    if (f.suppressed) continue;
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { files: input.files, resources: input.resources, errors, warnings, infos };
}
