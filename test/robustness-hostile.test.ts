// Generated hostile input through the whole CLI: huge, deep, looping, missing, closed — and never a crash.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree, type CliRun } from './helpers/cli.js';
import type { JsonFinding } from '../src/formatters/json.js';

const NS = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const SVC_BAD_PORT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: "80"\n';

const parsed = (r: CliRun): { findings: JsonFinding[]; summary: { files: number; resources: number } } => JSON.parse(r.stdout);
const brief = (r: CliRun): string[] => parsed(r).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);

describe('size', () => {
  it('skips a 50 MB file by the default --max-file-size, says so, and lints the rest', async () => {
    const dir = tempTree({ 'ok.yaml': SVC_BAD_PORT });
    writeFileSync(join(dir, 'huge.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  blob: "${'x'.repeat(50 * 1024 * 1024)}"\n`);
    const started = Date.now();
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(1);
    expect(brief(r).filter((l) => !l.startsWith('ok.yaml:') || !l.includes(' schema '))).toEqual([
      'huge.yaml:1:1 read-error skipped: the file is 50.0MB, over --max-file-size 20MB (raise the limit to lint it)',
    ]);
    expect(brief(r).some((l) => l.startsWith('ok.yaml:7:11 schema'))).toBe(true);
  });

  it('refuses a file of a million tiny values quickly, within bounded memory', async () => {
    const dir = tempTree({ 'ok.yaml': NS('ok') });
    writeFileSync(join(dir, 'tiny.yaml'), 'a:\n' + '- 1\n'.repeat(600_000));
    const started = Date.now();
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(brief(r)).toEqual([
      'tiny.yaml:1:1 parse-error cannot read this file: it holds more than 1,048,576 values, the most read from one file (each costs memory; --max-file-size raises it); split the file',
    ]);
    expect(parsed(r).summary.resources).toBe(1);
  });

  it('applies a smaller --max-file-size to files and to stdin, and refuses a malformed size', async () => {
    const dir = tempTree({ 'big.yaml': `${NS('big')}# ${'x'.repeat(200 * 1024)}\n`, 'small.yaml': NS('small') });
    const r = await runCli(['--no-config', '--format', 'json', '--max-file-size', '100KB', '.'], { cwd: dir });
    expect(brief(r)).toEqual(['big.yaml:1:1 read-error skipped: the file is 200.1KB, over --max-file-size 100KB (raise the limit to lint it)']);
    expect(r.code).toBe(1);
    const s = await runCli(['--no-config', '--format', 'json', '--max-file-size', '1KB', '-', 'small.yaml'], { cwd: dir, stdin: NS('x') + '#'.repeat(2000) });
    expect(brief(s)).toEqual(['<stdin>:1:1 read-error skipped: standard input is 2.0KB, over --max-file-size 1KB (raise the limit to lint it)']);
    const bad = await runCli(['--no-config', '--max-file-size', 'lots', '.'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('istio-lint: --max-file-size: expected a size such as 20MB or 1048576, got "lots"\n');
  });
});

describe('nesting', () => {
  it('reports 10,000 levels of nesting once per file or document, and keeps everything else', async () => {
    const dir = tempTree({
      'block.yaml': '- '.repeat(10_000) + 'x\n',
      'flow.yaml': `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n${NS('after-flow')}`,
      'ok.yaml': NS('ok'),
    });
    const r = await runCli(['--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(brief(r)).toEqual([
      'block.yaml:1:20001 parse-error cannot read this file: a value starts right of column 500, so mappings and lists may nest deeper than can be read safely (the limit is 256 levels)',
      'flow.yaml:1:259 parse-error document 1 is not read: it nests mappings and lists deeper than 256 levels',
    ]);
    expect(parsed(r).summary.resources).toBe(2);
  });

  it('bounds alias bombs in manifests and in the config file', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (const [x, y] of ['ba', 'cb', 'dc', 'ed', 'fe', 'gf', 'hg', 'ih']) bomb.push(`${x}: &${x} [${Array(10).fill(`*${y}`).join(',')}]`);
    const dir = tempTree({ 'bomb.yaml': bomb.join('\n') + '\n', 'ok.yaml': NS('ok'), 'cfg/.istio-lint.yaml': `ignorePatterns: &p [${bomb.length}]\n` + bomb.join('\n') });
    const r = await runCli(['--no-config', '--format', 'json', 'bomb.yaml', 'ok.yaml'], { cwd: dir });
    expect(brief(r)).toEqual(['bomb.yaml:1:1 parse-error document 1 is not read: it expands more than 1000 aliases (an alias bomb?)']);
    const c = await runCli(['--config', 'cfg/.istio-lint.yaml', 'ok.yaml'], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.stderr).toBe('istio-lint: cfg/.istio-lint.yaml:1:1: document 1 is not read: it expands more than 1000 aliases (an alias bomb?)\n');
  });
});

describe('paths', () => {
  it('reports symlink loops and missing paths as read errors, walks a link to a parent once, and goes on', async () => {
    const dir = tempTree({ 'manifests/a.yaml': NS('a'), 'manifests/sub/b.yaml': NS('b') });
    symlinkSync('loop2.yaml', join(dir, 'manifests/loop1.yaml'));
    symlinkSync('loop1.yaml', join(dir, 'manifests/loop2.yaml'));
    symlinkSync('..', join(dir, 'manifests/sub/up'));
    symlinkSync('nowhere.yaml', join(dir, 'manifests/dangling.yaml'));
    const r = await runCli(['--no-config', '--format', 'json', 'manifests', 'missing.yaml', 'missing-dir/'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(brief(r)).toEqual([
      'manifests/dangling.yaml:1:1 read-error cannot read "manifests/dangling.yaml": no such file or directory',
      'manifests/loop1.yaml:1:1 read-error cannot read "manifests/loop1.yaml": too many levels of symbolic links',
      'manifests/loop2.yaml:1:1 read-error cannot read "manifests/loop2.yaml": too many levels of symbolic links',
      'missing-dir/:1:1 read-error cannot read "missing-dir/": no such file or directory',
      'missing.yaml:1:1 read-error cannot read "missing.yaml": no such file or directory',
    ]);
    expect(parsed(r).summary.resources).toBe(2);
  });

  it('reads a file reached by two names once', async () => {
    const dir = tempTree({ 'real/a.yaml': NS('a') });
    symlinkSync('real', join(dir, 'alias'));
    const r = await runCli(['--no-config', '--format', 'json', 'real', 'alias', 'real/a.yaml'], { cwd: dir });
    expect(parsed(r).summary).toMatchObject({ files: 1, resources: 1 });
  });

  it('exits 2 with one line when nothing at all can be read', async () => {
    const dir = tempTree({ 'empty/.keep': '' });
    const missing = await runCli(['--no-config', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('istio-lint: no input could be read: nope.yaml: cannot read "nope.yaml": no such file or directory\n');
    const none = await runCli(['--no-config', 'empty'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('istio-lint: no manifest files found (looked for .yaml, .yml and .json)\n');
    mkdirSync(join(dir, 'many'));
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, 'many', `b${i}.yaml`), Buffer.from([0, 1, 2]));
    const many = await runCli(['--no-config', 'many'], { cwd: dir });
    expect(many.stderr.split('\n')).toHaveLength(2);
    expect(many.stderr).toMatch(/many\/b2\.yaml: skipped: binary file .*; and 2 more\n$/);
  });
});

describe('standard input', () => {
  it('stdin closed or empty: a read error on <stdin>, exit 2 when it was the only input', async () => {
    const dir = tempTree({ 'ok.yaml': NS('ok') });
    const closed = await runCli(['--no-config', '-'], { cwd: dir });
    expect(closed.code).toBe(2);
    expect(closed.stderr).toBe('istio-lint: no input could be read: <stdin>: cannot read standard input: stdin is closed\n');
    const empty = await runCli(['--no-config', '-'], { cwd: dir, stdin: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^istio-lint: no input could be read: <stdin>: standard input is empty: nothing to lint \(did the command that pipes into istio-lint fail\?\)\n$/);
    const withFile = await runCli(['--no-config', '--format', 'json', '--stdin-filename', 'piped.yaml', '-', 'ok.yaml'], { cwd: dir, stdin: '  \n' });
    expect(withFile.code).toBe(1);
    expect(brief(withFile)).toEqual(['piped.yaml:1:1 read-error standard input is empty: nothing to lint (did the command that pipes into istio-lint fail?)']);
  });

  it('stdin cut off mid-document: what arrived is parsed and reported with positions', async () => {
    const r = await runCli(['--no-config', '--format', 'json', '-'], { stdin: `${NS('whole')}---\napiVersion: v1\nkind: Serv` });
    expect(r.code).toBe(0);
    expect(parsed(r).summary.resources).toBe(2);
    const cut = await runCli(['--no-config', '--format', 'json', '-'], { stdin: `${NS('whole')}---\napiVersion: v1\nkind: Service\nmetadata: {name: "trunc` });
    expect(brief(cut)).toEqual(['<stdin>:8:24 parse-error missing closing "quote (and 1 more syntax error in document 2)']);
    expect(parsed(cut).summary.resources).toBe(1);
  });
});

describe('prototype keys', () => {
  it('pollute nothing, in manifests, in the mesh ConfigMap and in config files', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const beforeArray = Object.getOwnPropertyNames(Array.prototype).sort();
    const proto = '__proto__: {polluted: "yes"}\nconstructor: {prototype: {polluted: "yes"}}\n';
    const dir = tempTree({
      'm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\n  labels: {__proto__: {polluted: "yes"}}\ndata:\n  mesh: |\n    __proto__: {polluted: "yes"}\n    outboundTrafficPolicy: {__proto__: {mode: REGISTRY_ONLY}}\n---\n${NS('n')}`,
      'p.yaml': `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: p, __proto__: {name: x}}\nspec:\n  __proto__: {egress: []}\n  egress:\n  - hosts: ["./*"]\n    __proto__: {hosts: ["*/*"]}\n`,
      'bad-config/.istio-lint.yaml': `rules:\n  ${proto.replace(/\n/g, '\n  ')}`,
      'bad-mesh/.istio-lint.yaml': `mesh:\n  __proto__: {polluted: "yes"}\n`,
      'top/.istio-lint.yaml': proto,
    });
    const lint = await runCli(['--no-config', '--format', 'json', 'm.yaml', 'p.yaml'], { cwd: dir });
    expect(lint.code).toBeLessThan(2);
    const report = await runCli(['report', '--no-config', '--format', 'json', 'm.yaml', 'p.yaml'], { cwd: dir });
    expect(report.code).toBe(0);
    // The ConfigMap's mesh text did not set REGISTRY_ONLY through a prototype.
    expect(JSON.parse(report.stdout).assumptions).toContain('outboundTrafficPolicy.mode: ALLOW_ANY (Istio default)');
    for (const cfg of ['bad-config', 'bad-mesh', 'top']) {
      const r = await runCli(['--config', `${cfg}/.istio-lint.yaml`, 'm.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^istio-lint: ${cfg}/\\.istio-lint\\.yaml:\\d+:\\d+: .+\\n$`));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(beforeArray);
  });
});
