// Custom rules are data: JSONPath runs no script, regular expressions run in linear time, schemas inject no code.
import { JSONPath } from 'jsonpath-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePath, query } from '../src/custom/jsonpath.js';
import { compileFunction } from '../src/custom/functions.js';
import { RuleDataError } from '../src/custom/types.js';
import { runCli, tempTree } from './helpers/cli.js';

const PWN = "$..[?(@.constructor.constructor('globalThis.__istioLintPwned = true')())]";
const EXIT = "$..[?(@.constructor.constructor('return process')().exit())]";
const pwned = (): unknown => (globalThis as Record<string, unknown>).__istioLintPwned;

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__istioLintPwned;
  vi.restoreAllMocks();
});

describe('JSONPath runs no code', () => {
  it('the payload is real: jsonpath-plus with native eval runs it (the control)', () => {
    JSONPath({ path: PWN, json: { a: { b: 1 } }, eval: 'native' });
    expect(pwned()).toBe(true);
  });

  it('a rule whose given holds a script expression is refused at load, before anything runs', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    for (const path of [PWN, EXIT, '$.spec.egress[(@.length-1)]', '$..*@other()']) {
      expect(() => compilePath(path, ['given'])).toThrow(RuleDataError);
    }
    const dir = tempTree({
      'r.yaml': `customRules:\n  - id: org/evil\n    description: d\n    given: "${EXIT}"\n    then: {function: truthy}\n`,
      'a.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
    });
    const r = await runCli(['--no-config', '--rules-file', 'r.yaml', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^istio-lint: r\.yaml:4:12: custom rule "org\/evil": given: JSONPath .* uses the script expression/);
    expect(exit).not.toHaveBeenCalled();
    expect(pwned()).toBeUndefined();
  });

  it('even past the load-time check, evaluation has eval switched off', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    for (const text of [PWN, EXIT]) {
      const smuggled = { text, segments: ['$'] };
      expect(() => query({ a: { b: 1 } }, smuggled)).toThrow(/prevented/);
    }
    expect(exit).not.toHaveBeenCalled();
    expect(pwned()).toBeUndefined();
  });

  it('keys named like prototype members are plain data', () => {
    const json = JSON.parse('{"metadata":{"labels":{"constructor":"x","__proto__":"y"}}}') as Record<string, never>;
    const hits = query(json, compilePath('$.metadata.labels.*', ['given']));
    expect(hits.map((h) => [h.path, h.value])).toEqual([
      [['metadata', 'labels', 'constructor'], 'x'],
      [['metadata', 'labels', '__proto__'], 'y'],
    ]);
  });
});

describe('regular expressions run in linear time (RE2)', () => {
  const evil = 'a'.repeat(100_000) + '!';

  it('pattern: (a+)+$ on a long non-matching string finishes fast', () => {
    const check = compileFunction({ function: 'pattern', functionOptions: { match: '(a+)+$' } }, ['then']);
    const t = performance.now();
    const failures = check(evil, 'x');
    expect(performance.now() - t).toBeLessThan(1000);
    expect(failures).toHaveLength(1);
    expect(check('aaa', 'x')).toEqual([]);
  });

  it('a JSON Schema pattern given to the schema function runs on RE2 too', () => {
    const check = compileFunction({ function: 'schema', functionOptions: { schema: { type: 'string', pattern: '^(a|aa)+$' } } }, ['then']);
    const t = performance.now();
    expect(check(evil, 'x')).toHaveLength(1);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(check('aaaa', 'x')).toEqual([]);
  });

  it('through the CLI: an evil pattern over a 100k-character annotation', async () => {
    const dir = tempTree({
      'r.yaml': `customRules:\n  - id: org/evil-regex\n    description: d\n    given: $.metadata.annotations.note\n    then: {function: pattern, functionOptions: {match: '^(a+)+$'}}\n`,
      'a.yaml': `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  annotations:\n    note: "${evil}"\n`,
    });
    const t = performance.now();
    const r = await runCli(['--no-config', '--rules-file', 'r.yaml', '--format', 'json', 'a.yaml'], { cwd: dir });
    expect(performance.now() - t).toBeLessThan(3000);
    const f = (JSON.parse(r.stdout) as { findings: { ruleId: string; line: number; column: number }[] }).findings.filter((x) => x.ruleId === 'org/evil-regex');
    expect(f.map((x) => `${x.line}:${x.column}`)).toEqual(['6:11']);
  });

  it('backreferences and lookaround, which need backtracking, are refused', () => {
    expect(() => compileFunction({ function: 'pattern', functionOptions: { match: '(a)\\1' } }, ['then'])).toThrow(/not valid RE2 syntax/);
    expect(() => compileFunction({ function: 'pattern', functionOptions: { notMatch: '(?=a)' } }, ['then'])).toThrow(/not valid RE2 syntax/);
  });
});

describe('JSON Schemas in rules inject no code', () => {
  it('property names and patterns that look like JavaScript stay data', () => {
    const key = "'); globalThis.__istioLintPwned = true; ('";
    const code = "'; globalThis.__istioLintPwned = true; //";
    const schema = { type: 'object', required: [key], properties: { [key]: { type: 'string', pattern: code }, other: { const: code, enum: [code] } } };
    const check = compileFunction({ function: 'schema', functionOptions: { schema } }, ['then']);
    expect(check({ [key]: 'x' }, 'v')).toHaveLength(1);
    expect(check({ [key]: code, other: code }, 'v')).toEqual([]);
    expect(check({}, 'v')[0]!.error).toContain('needs the key');
    expect(pwned()).toBeUndefined();
  });
});

describe('message templates fill names, nothing more', () => {
  it('refuses unknown placeholders and does not re-expand values', async () => {
    const dir = tempTree({
      'r.yaml': `customRules:\n  - id: org/t\n    description: d\n    message: "{{name}} has {{value}}"\n    given: $.metadata.annotations.note\n    then: {function: falsy}\n`,
      'a.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  annotations:\n    note: "{{id}} {{constructor}}"\n',
    });
    const r = await runCli(['--no-config', '--rules-file', 'r.yaml', '--format', 'json', 'a.yaml'], { cwd: dir });
    const f = (JSON.parse(r.stdout) as { findings: { ruleId: string; message: string }[] }).findings.find((x) => x.ruleId === 'org/t');
    expect(f?.message).toBe('a has {{id}} {{constructor}}');
    const bad = tempTree({ 'r.yaml': `customRules:\n  - id: org/t\n    description: d\n    message: "{{constructor}}"\n    given: $\n    then: {function: truthy}\n`, 'a.yaml': 'x: 1\n' });
    const b = await runCli(['--no-config', '--rules-file', 'r.yaml', 'a.yaml'], { cwd: bad });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('unknown placeholder {{constructor}}');
  });
});
