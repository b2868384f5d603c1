// The machine contract: findings and a summary, stable key order, suppressed findings left out.
import type { Severity } from '../types.js';
import { summarize, type Formatter, type Summary } from './types.js';

/** One finding as `--format json` prints it: the contract other tools and the GitHub Action read. */
export interface JsonFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly resource: { readonly kind: string; readonly namespace: string; readonly name: string } | null;
  readonly fix?: {
    readonly description: string;
    readonly edits: readonly { readonly file: string; readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number; readonly text: string }[];
  };
}

export interface JsonOutput {
  readonly findings: readonly JsonFinding[];
  readonly summary: Summary;
}

export const json: Formatter = (input) => {
  const findings: JsonFinding[] = input.findings
    .filter((f) => !f.suppressed)
    .map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      resource: f.resource ? { kind: f.resource.kind, namespace: f.resource.namespace, name: f.resource.name } : null,
      // Only on findings that carry one, so the shape of every other finding is unchanged.
      ...(f.fix
        ? {
            fix: {
              description: f.fix.description,
              edits: f.fix.edits.map((e) => ({ file: e.file, line: e.range.start.line, column: e.range.start.column, endLine: e.range.end.line, endColumn: e.range.end.column, text: e.newText })),
            },
          }
        : {}),
    }));
  const output: JsonOutput = { findings, summary: summarize(input) };
  return JSON.stringify(output, null, 2) + '\n';
};
