// ESLint-style RuleTester: every valid case yields no finding of the rule; every invalid case yields exactly the listed ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, parseInputs } from '../../src/engine.js';
import type { MeshConfigLayer } from '../../src/model/mesh-config.js';
import type { Rule } from '../../src/rule.js';
import type { Finding } from '../../src/types.js';
import { ROOT } from './cli.js';

export interface ExpectedFinding {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** A substring or pattern the message must contain. */
  readonly message?: string | RegExp;
  readonly severity?: Finding['severity'];
  /** Which file of a multi-file case. */
  readonly file?: string;
}

interface CaseBase {
  readonly name: string;
  /** Inline YAML (file name "case.yaml"), or … */
  readonly yaml?: string;
  /** … a fixture path relative to the repository root, or … */
  readonly fixture?: string;
  /** … several files: name → YAML. */
  readonly files?: Readonly<Record<string, string>>;
  /** Mesh settings as in .istio-lint.yaml `mesh:`. */
  readonly mesh?: MeshConfigLayer['config'];
  readonly defaultNamespace?: string;
  readonly assumeInjected?: boolean;
}
export type ValidCase = CaseBase;
export interface InvalidCase extends CaseBase {
  readonly errors: readonly ExpectedFinding[];
}

const ALLOWED_KEYS = new Set(['name', 'yaml', 'fixture', 'files', 'mesh', 'defaultNamespace', 'assumeInjected', 'errors']);

export function findingsOf(rule: Rule, c: CaseBase): Finding[] {
  for (const k of Object.keys(c)) if (!ALLOWED_KEYS.has(k)) throw new Error(`rule-tester: unknown key "${k}" in case "${c.name}"`);
  const inputs = c.files
    ? Object.entries(c.files).map(([path, text]) => ({ path, text }))
    : c.fixture
      ? [{ path: c.fixture, text: readFileSync(join(ROOT, c.fixture), 'utf8') }]
      : [{ path: 'case.yaml', text: c.yaml ?? '' }];
  const files = parseInputs(inputs, c.defaultNamespace ?? 'default');
  const result = lint(files, {
    rules: [rule],
    ruleSettings: {},
    defaultNamespace: c.defaultNamespace ?? 'default',
    assumeInjected: c.assumeInjected ?? true,
    meshLayers: c.mesh ? [{ origin: 'test', config: c.mesh }] : [],
  });
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`rule-tester: duplicate case name "${dup}"`);
  if (!cases.valid.length || !cases.invalid.length) throw new Error(`rule-tester: ${rule.meta.id} needs at least one valid and one invalid case`);

  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const found = findingsOf(rule, c);
        expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = findingsOf(rule, c);
        expect(found.map((f) => `${f.file}:${f.line}:${f.column}`), found.map((f) => f.message).join('\n')).toEqual(
          c.errors.map((e) => `${e.file ?? (c.files ? Object.keys(c.files)[0] : c.fixture ?? 'case.yaml')}:${e.line}:${e.column}`),
        );
        c.errors.forEach((e, i) => {
          const f = found[i]!;
          if (e.endLine !== undefined) expect(f.endLine).toBe(e.endLine);
          if (e.endColumn !== undefined) expect(f.endColumn).toBe(e.endColumn);
          if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
          if (typeof e.message === 'string') expect(f.message).toContain(e.message);
          else if (e.message) expect(f.message).toMatch(e.message);
        });
      });
    }
  });
}
