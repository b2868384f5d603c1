// fixtures/malformed: every broken input yields findings with file and line:column, and the run goes on.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from './helpers/cli.js';
import type { JsonFinding } from '../src/formatters/json.js';

const DIR = 'fixtures/malformed';
const LOADER_RULES = new Set(['parse-error', 'read-error', 'duplicate-key', 'not-a-resource']);


function findingsOf(run: CliRun): JsonFinding[] {
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

/** What the loader says about each fixture alone: `line:column severity rule-id message` (message as a pattern). */
const EXPECTED: Record<string, { code: number; loader: [string, RegExp][]; schemaLines?: number[]; resources?: number }> = {
  'alias-bomb.yaml': { code: 1, loader: [['1:1 error parse-error', /^document 1 is not read: it expands more than 1000 aliases/]], resources: 1 },
  'anchors.yaml': { code: 1, loader: [], schemaLines: [16, 26], resources: 2 },
  'array.yaml': { code: 0, loader: [['1:1 info not-a-resource', /^skipped document 1: it is a list/]], resources: 0 },
  'binary.yaml': { code: 2, loader: [] },
  'bom.yaml': { code: 1, loader: [], schemaLines: [7], resources: 1 },
  'crlf.yaml': { code: 1, loader: [], schemaLines: [7], resources: 1 },
  'duplicate-key.yaml': { code: 1, loader: [['7:3 error duplicate-key', /^key "name" is already defined on line 4/]], resources: 1 },
  'empty-documents.yaml': { code: 0, loader: [], resources: 0 },
  'empty.yaml': { code: 0, loader: [], resources: 0 },
  'half-resource.yaml': {
    code: 0,
    loader: [
      ['1:1 warning not-a-resource', /^skipped document 1: apiVersion must be a non-empty string \(it is missing\)/],
      ['6:7 warning not-a-resource', /^skipped document 2: kind must be a non-empty string \(got 7\)/],
    ],
    resources: 0,
  },
  'invalid-utf8.yaml': { code: 2, loader: [] },
  'list.json': {
    code: 0,
    loader: [
      ['1:126 info not-a-resource', /^skipped items\[1\] of document 1: it is a number/],
      ['1:129 warning not-a-resource', /^skipped items\[2\] of document 1: apiVersion must be a non-empty string/],
    ],
    resources: 1,
  },
  'prototype-keys.yaml': { code: 1, loader: [], schemaLines: [6, 7, 9, 12], resources: 1 },
  'scalar.yaml': {
    code: 0,
    loader: [
      ['1:1 info not-a-resource', /^skipped document 1: it is a string/],
      ['3:1 info not-a-resource', /^skipped document 2: it is a number/],
    ],
    resources: 0,
  },
  'sidecar-all-wrong.yaml': { code: 1, loader: [], schemaLines: [5, 6, 7, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20], resources: 1 },
  'syntax-errors.yaml': { code: 1, loader: [['5:3 error parse-error', /\(and 4 more syntax errors in document 1\)$/]], resources: 1 },
  'tabs.yaml': { code: 1, loader: [['4:1 error parse-error', /^tabs are not allowed as indentation$/]], resources: 0 },
  'tags.yaml': {
    code: 1,
    loader: [
      ['6:7 warning parse-error', /^tag "!!js\/function" is not supported: .*nothing is executed/],
      ['7:8 warning parse-error', /^tag "!!python\/object\/apply:os.system" is not supported/],
      ['8:7 warning parse-error', /^tag "!!js\/regexp" is not supported/],
      ['9:10 warning parse-error', /^tag "!custom" is not supported/],
    ],
    schemaLines: [7],
    resources: 1,
  },
  'truncated.json': { code: 1, loader: [['1:69 error parse-error', /^flow map .* end with a \}/]], resources: 0 },
  'unknown-kind.yaml': { code: 1, loader: [], resources: 2 },
  'utf16.yaml': { code: 0, loader: [], resources: 1 },
  'wrong-types.yaml': { code: 1, loader: [], schemaLines: [6, 8, 9, 15, 18, 21, 23, 31, 38], resources: 5 },
};

describe('malformed fixtures, one at a time', () => {
  it('covers every file in the folder', () => {
    expect(readdirSync(join(ROOT, DIR)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name}: exit ${want.code}, findings at their positions`, async () => {
      const r = await runCli(['--no-config', '--format', 'json', `${DIR}/${name}`]);
      expect(r.code).toBe(want.code);
      if (want.code === 2) {
        // Nothing could be read: one line naming the file, the position and the reason.
        expect(r.stderr).toMatch(new RegExp(`^istio-lint: no input could be read: ${DIR}/${name}: skipped: .+\\n$`));
        return;
      }
      expect(r.stderr).toBe('');
      const found = findingsOf(r);
      expect(found.every((f) => f.file === `${DIR}/${name}`)).toBe(true);
      const loader = found.filter((f) => LOADER_RULES.has(f.ruleId));
      expect(loader.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`)).toEqual(want.loader.map(([k]) => k));
      loader.forEach((f, i) => expect(f.message).toMatch(want.loader[i]![1]));
      const schemaLines = [...new Set(found.filter((f) => f.ruleId === 'schema').map((f) => f.line))];
      expect(schemaLines).toEqual(want.schemaLines ?? []);
      expect(found.filter((f) => /internal error/.test(f.message))).toEqual([]);
      if (want.resources !== undefined) expect((JSON.parse(r.stdout) as { summary: { resources: number } }).summary.resources).toBe(want.resources);
    });
  }

  it('binary and invalid UTF-8 files are findings at the first bad byte when other input is readable', async () => {
    const r = await runCli(['--no-config', '--format', 'json', `${DIR}/binary.yaml`, `${DIR}/invalid-utf8.yaml`, `${DIR}/bom.yaml`]);
    expect(r.code).toBe(1);
    const loader = findingsOf(r).filter((f) => LOADER_RULES.has(f.ruleId));
    expect(loader.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      `${DIR}/binary.yaml:3:1 parse-error skipped: binary file (it contains NUL bytes), not YAML or JSON`,
      `${DIR}/invalid-utf8.yaml:6:16 parse-error skipped: not valid UTF-8 (byte 0xe9); save the file as UTF-8`,
    ]);
  });
});

describe('malformed fixtures, all at once', () => {
  it('lose nothing: each file has the findings it has alone, and the run exits 1, not 2', async () => {
    const all = await runCli(['--no-config', '--format', 'json', DIR]);
    expect(all.code).toBe(1);
    expect(all.stderr).toBe('');
    const together = findingsOf(all).filter((f) => LOADER_RULES.has(f.ruleId) || f.ruleId === 'schema');
    const alone: JsonFinding[] = [];
    for (const name of Object.keys(EXPECTED)) {
      const r = await runCli(['--no-config', '--format', 'json', `${DIR}/${name}`, `${DIR}/bom.yaml`]);
      alone.push(...findingsOf(r).filter((f) => f.file.endsWith(`/${name}`) && (LOADER_RULES.has(f.ruleId) || f.ruleId === 'schema')));
    }
    const key = (f: JsonFinding): string => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`;
    expect(together.map(key).sort()).toEqual([...new Set(alone.map(key))].sort());
    expect(JSON.parse(all.stdout).summary).toMatchObject({ files: Object.keys(EXPECTED).length });
  });

  it('print each problem under its file with line:column and a code frame (stylish)', async () => {
    const r = await runCli(['--no-config', DIR]);
    expect(r.stdout).toContain(`${DIR}/tabs.yaml\n  4:1  error  tabs are not allowed as indentation  parse-error\n    4 | \tname: tabs\n        ^\n`);
    expect(r.stdout).toContain(`${DIR}/duplicate-key.yaml\n  7:3  error  key "name" is already defined on line 4`);
    // CRLF sources show no stray carriage return in the frame.
    expect(r.stdout).toMatch(/crlf\.yaml\n {2}7:11 {2}error {2}.*\n {4}7 \| {3}- port: "80"\n/);
  });

  it('still produce the reachability report, with one line per unreadable input on stderr', async () => {
    const r = await runCli(['report', '--no-config', '--format', 'json', DIR]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { workloads: unknown[]; pairs: unknown[] };
    expect(report.workloads.length).toBeGreaterThan(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^istio-lint: fixtures\/malformed\/[\w.-]+:\d+:\d+: .+/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
