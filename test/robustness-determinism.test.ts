// Same input, same bytes: whatever order files were created on disk in, and whatever order paths are given in.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const SOURCES = [
  join(ROOT, 'fixtures', 'seed'),
  join(ROOT, 'fixtures', 'malformed'),
  ...['istio-istio-samples-bookinfo', 'kiali-demos-travels', 'istio-istio-testdata-sidecar-ns-scope'].map((f) => join(CORPUS, f)).filter(existsSync),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? filesUnder(abs) : [abs];
  });
}

/** Copies every source file into a fresh folder, creating files (and so directory entries) in the given order. */
function copyTree(order: (files: string[]) => string[]): string {
  const dest = mkdtempSync(join(tmpdir(), 'istio-lint-order-'));
  const files = SOURCES.flatMap((src) => filesUnder(src).map((abs) => ({ abs, rel: join(relative(dirname(src), src), relative(src, abs)) })));
  const byRel = new Map(files.map((f) => [f.rel, f.abs]));
  for (const rel of order([...byRel.keys()])) {
    mkdirSync(dirname(join(dest, rel)), { recursive: true });
    writeFileSync(join(dest, rel), readFileSync(byRel.get(rel)!));
  }
  return dest;
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const COMMANDS: [string, string[]][] = [
  ['lint json', ['--no-config', '--format', 'json']],
  ['lint stylish', ['--no-config']],
  ['report json', ['report', '--no-config', '--format', 'json']],
  ['report table', ['report', '--no-config']],
];

describe('deterministic output', () => {
  const trees = [copyTree((f) => [...f].sort()), copyTree((f) => [...f].sort().reverse()), copyTree((f) => shuffled(f, 7))];

  for (const [label, argv] of COMMANDS) {
    it(`${label}: byte-identical across trees created in different orders`, async () => {
      const outs = [];
      for (const cwd of trees) outs.push(await runCli([...argv, '.'], { cwd }));
      expect(outs[0]!.code).toBeLessThan(2);
      expect(outs[0]!.stdout.length).toBeGreaterThan(100);
      for (const o of outs.slice(1)) {
        expect(o.code).toBe(outs[0]!.code);
        expect(o.stdout).toBe(outs[0]!.stdout);
        expect(o.stderr).toBe(outs[0]!.stderr);
      }
    });

    it(`${label}: byte-identical whatever the order of the paths given`, async () => {
      const cwd = trees[0]!;
      const files = filesUnder(cwd).map((f) => relative(cwd, f));
      const dirs = readdirSync(cwd);
      const runs = [];
      for (const paths of [[...files].sort(), shuffled(files, 1), shuffled(files, 2), [...dirs].sort(), [...dirs].sort().reverse()]) {
        runs.push(await runCli([...argv, ...paths], { cwd }));
      }
      for (const o of runs.slice(1)) expect(o.stdout).toBe(runs[0]!.stdout);
    });
  }

  it('names a file reached through a symlinked folder the same way whatever the argument order', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'istio-lint-link-'));
    mkdirSync(join(cwd, 'real'));
    writeFileSync(join(cwd, 'real', 's.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: "80"}]\n');
    symlinkSync('real', join(cwd, 'b-link'));
    symlinkSync('real', join(cwd, 'a-link'));
    const outs = [];
    for (const paths of [['real', 'b-link', 'a-link'], ['a-link', 'real', 'b-link'], ['b-link', 'a-link', 'real'], ['.']]) {
      outs.push((await runCli(['--no-config', '--format', 'json', ...paths], { cwd })).stdout);
    }
    expect(JSON.parse(outs[0]!).findings.map((f: { file: string }) => f.file)).toEqual(['a-link/s.yaml']);
    for (const o of outs.slice(1)) expect(o).toBe(outs[0]);
  });
});
