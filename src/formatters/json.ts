// The machine contract: findings and a summary, stable key order, suppressed findings left out.
import { summarize, type Formatter } from './types.js';

export const json: Formatter = (input) => {
  const findings = input.findings
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
  return JSON.stringify({ findings, summary: summarize(input) }, null, 2) + '\n';
};
