// The loader's fast path (js-yaml events, src/loader/fast-*.ts) against the `yaml` path it stands in for: the same
// documents, reports and positions (every node, as value and as key) on every fixture, the corpus, the benchmark
// mesh and generated texts; and the files it must leave to `yaml`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import type { JsonPath } from '../src/json.js';
import { fastDocuments, MAY_RESOLVE } from '../src/loader/fast-parse.js';
import { YAML_OPTIONS } from '../src/loader/yaml-options.js';
import { parse as yamlParse } from 'yaml';
import { parseSource, parseYaml, type ParsedYaml } from '../src/loader/parse.js';
import { parseOne } from '../src/parallel/parse-worker.js';
import { acceptWorkerResult } from '../src/parallel/parse-many.js';
import { validateManifest } from '../src/schema.js';
import { namespaceText } from '../scripts/bench/generate.js';
import { ROOT } from './helpers/cli.js';

// parseYaml takes the fast path through this module; switched off, it reads everything with `yaml`.
const state = vi.hoisted(() => ({ fast: true }));
vi.mock('../src/loader/fast-parse.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../src/loader/fast-parse.js')>();
  return { ...orig, fastParseYaml: (...args: Parameters<typeof orig.fastParseYaml>) => (state.fast ? orig.fastParseYaml(...args) : undefined) };
});

function viaYaml(path: string, text: string): ParsedYaml {
  state.fast = false;
  try {
    return parseYaml(path, text);
  } finally {
    state.fast = true;
  }
}

function* pathsOf(v: unknown, base: JsonPath = []): Generator<JsonPath> {
  yield base;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* pathsOf(v[i], [...base, i]);
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) yield* pathsOf((v as Record<string, unknown>)[k], [...base, k]);
}

/** The first difference between the two paths' reading of `text`, or undefined. */
function difference(path: string, text: string): string | undefined {
  const slow = viaYaml(path, text);
  const fast = parseYaml(path, text);
  if (!isDeepStrictEqual(fast.reports, slow.reports)) return `reports: ${JSON.stringify(fast.reports)} vs ${JSON.stringify(slow.reports)}`;
  if (!isDeepStrictEqual(fast.documents, slow.documents)) return `values: ${JSON.stringify(fast.documents)} vs ${JSON.stringify(slow.documents)}`;
  for (let d = 0; d < slow.documents.length; d++) {
    const a = JSON.stringify(fast.source.documentRange(d));
    const b = JSON.stringify(slow.source.documentRange(d));
    if (a !== b) return `document ${d + 1} range: ${a} vs ${b}`;
    for (const p of pathsOf(slow.documents[d])) {
      for (const at of [p, [...p, 'not-there']]) {
        for (const target of ['value', 'key'] as const) {
          const x = JSON.stringify(fast.source.locate(d, at, target));
          const y = JSON.stringify(slow.source.locate(d, at, target));
          if (x !== y) return `document ${d + 1} ${JSON.stringify(at)} (${target}): ${x} vs ${y}`;
        }
      }
    }
  }
  return undefined;
}

function* manifestFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* manifestFiles(p);
    else if (/\.(ya?ml|json)$/.test(name)) yield p;
  }
}

const withoutBom = (t: string): string => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);

describe('the fast path reads like the yaml path', () => {
  const files = [...manifestFiles(join(ROOT, 'fixtures')), ...manifestFiles(resolve(ROOT, '..', 'shared', 'corpus'))];

  it('on every fixture and corpus file: values, reports, and the position of every node', () => {
    const differences: string[] = [];
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (fastDocuments(withoutBom(text))) fast++;
      const d = difference(f, text);
      if (d) differences.push(`${f}: ${d}`);
    }
    expect(differences).toEqual([]);
    // Real manifests are plain YAML: nearly all of them must take the fast path, or it is not worth having.
    expect(files.length).toBeGreaterThan(400);
    expect(fast / files.length).toBeGreaterThan(0.95);
  }, 180_000);

  it('on the benchmark mesh', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 4; i++) {
      const text = namespaceText(i, { namespaces: 4, servicesPerNamespace: 6 }, rand);
      expect(fastDocuments(text)).toBeDefined();
      expect(difference(`ns-${i}.yaml`, text)).toBeUndefined();
    }
  });

  it('resolves scalars as YAML 1.1 the way kubectl does, keys included', () => {
    const text = [
      'creationTimestamp: 2020-01-01T00:00:00Z',
      'date: 2020-01-01',
      'yes: yes',
      'off: Off',
      'short: y',
      'hex: 0x1F',
      'octal: 017',
      'notOctal: 089',
      'under: 1_000',
      'sexagesimal: 1:20',
      'float: 1.50',
      'exp: 1e3',
      'inf: -.inf',
      'tilde: ~',
      'empty:',
      '80: port',
      '~: nothing',
      'quoted: "0x1F"',
      '__proto__: own',
      'plus: +1',
      '',
    ].join('\n');
    const fast = parseYaml('v.yaml', text);
    expect(difference('v.yaml', text)).toBeUndefined();
    const v = fast.documents[0] as Record<string, unknown>;
    expect(v.creationTimestamp).toBe('2020-01-01T00:00:00Z');
    expect(v.date).toBe('2020-01-01');
    expect(v.true).toBe(true);
    expect(v.false).toBe(false);
    expect(v.short).toBe(true);
    expect(v.hex).toBe(31);
    expect(v.octal).toBe(15);
    expect(v.notOctal).toBe(89);
    expect(v.under).toBe(1000);
    expect(v.sexagesimal).toBe('1:20');
    expect(v.float).toBe(1.5);
    expect(v.exp).toBe(1000);
    expect(v.inf).toBe(-Infinity);
    expect(v.tilde).toBeNull();
    expect(v.empty).toBeNull();
    expect(v['80']).toBe('port');
    expect(v['']).toBe('nothing');
    expect(v.quoted).toBe('0x1F');
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(v.plus).toBe(1);
  });

  it('leaves to `yaml` what it does not handle exactly, and `yaml` still reports it', () => {
    const cases: Record<string, string> = {
      tag: 'a: !!str 1\n',
      'custom tag': 'a: !Ref x\n',
      anchor: 'a: &x 1\nb: *x\n',
      merge: 'base: {a: 1}\nm:\n  <<: {b: 2}\n',
      'duplicate key': 'a: 1\na: 2\n',
      directive: '%YAML 1.2\n---\na: yes\n',
      'complex key': '? [a]\n: 1\n',
      'long key': `${'k'.repeat(1100)}: v\n`,
      'syntax error': 'a: [1,\n',
      tabs: 'a:\n\tb: 1\n',
      'too deep': '['.repeat(150) + ']'.repeat(150) + '\n',
    };
    for (const [what, text] of Object.entries(cases)) {
      expect(fastDocuments(text), what).toBeUndefined();
      expect(difference(`${what}.yaml`, text), what).toBeUndefined();
    }
    expect(parseYaml('d.yaml', cases['duplicate key']!).reports.map((r) => r.ruleId)).toEqual(['duplicate-key']);
  });

  it('on generated texts, tricky scalars, comments, flow collections and CRLF included', () => {
    let seed = 12345;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const scalars = ['a', 'yes', 'No', '~', '', '0x1F', '017', '08', '1_000', '-0', '.5', '1e3', '12:30', '2020-01-01', '"q\\tx"', "'it''s'", '"multi\n  line"', 'plain\n  continued', 'a #c', 'x#y', '[1, 2]', '{a: 1}', '[a, {b: c}]', '[ ]', '{ }', '[a, # c\n  b]', '|\n  lit\n', '>-\n  folded\n  text\n\n', '- x', 'k: v: w', '"unterminated', '[\n  a,\n  b\n  ]'];
    const keys = ['a', 'name', '80', 'yes', '~', '1.0', '"q"', "'s'", '__proto__', 'k k', '0x10'];
    const value = (depth: number, indent: number): string => {
      const pad = ' '.repeat(indent);
      const r = rnd();
      if (depth < 3 && r < 0.25) return '\n' + Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `${pad}  ${pick(keys)}: ${value(depth + 1, indent + 2)}`).join('\n');
      if (depth < 3 && r < 0.4) return '\n' + Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `${pad}- ${value(depth + 1, indent + 2)}`).join('\n');
      const s = pick(scalars).split('\n').map((l, i) => (i ? pad + l : l)).join('\n');
      const comment = rnd() < 0.1 ? '   # comment' : '';
      const after = rnd() < 0.15 ? pick(['\n', '\n# c', `\n${pad}  # deeper`, '\n\n']) : '';
      return s + comment + after;
    };
    const doc = (): string => Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => `${pick(keys)}: ${value(0, 0)}`).join('\n') + '\n';
    const differences: string[] = [];
    let fast = 0;
    for (let i = 0; i < 3000; i++) {
      let text = Array.from({ length: 1 + Math.floor(rnd() * 3) }, doc).join(pick(['---\n', '--- \n', '# c\n---\n']));
      if (rnd() < 0.15) text = text.replace(/\n/g, '\r\n');
      if (fastDocuments(text)) fast++;
      const d = difference('gen.yaml', text);
      if (d) differences.push(`${JSON.stringify(text)}: ${d}`);
    }
    expect(differences.slice(0, 5)).toEqual([]);
    expect(fast).toBeGreaterThan(300);
  }, 180_000);
});

describe('results computed in a worker thread (parse-many.ts)', () => {
  it('give parseSource the same files as reading them itself', () => {
    const texts = [...manifestFiles(join(ROOT, 'fixtures'))].slice(0, 120).map((f) => ({ path: f, text: readFileSync(f, 'utf8') }));
    // NaN, infinities and -0 cannot travel as JSON text: such a file is posted as values.
    texts.push({ path: 'numbers.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\ndata: {a: .nan, b: -.inf, c: -0, d: -0.0, e: 1.5}\n' });
    const sent = new Set<string>();
    texts.forEach((t, i) => {
      const own = parseSource(t.path, t.text, { defaultNamespace: 'default' });
      // What the worker posts arrives as a structured clone.
      const result = structuredClone(parseOne(t, i, { defaultNamespace: 'default' }));
      if (result.fast) sent.add(result.fast.json !== undefined ? 'json' : 'values');
      const given = acceptWorkerResult(t, result, { defaultNamespace: 'default' });
      const violations = result.violations;
      if (violations) expect(violations).toEqual(own.manifests.map((m) => validateManifest(m)));
      expect(given.reports).toEqual(own.reports);
      expect(given.manifests.map((m) => m.value)).toEqual(own.manifests.map((m) => m.value));
      for (const m of own.manifests) {
        const g = given.manifests.find((x) => x.docIndex === m.docIndex && isDeepStrictEqual(x.basePath, m.basePath))!;
        expect(g.source.locate(g.docIndex, [...g.basePath, 'metadata', 'name'])).toEqual(m.source.locate(m.docIndex, [...m.basePath, 'metadata', 'name']));
      }
    });
    expect([...sent].sort()).toEqual(['json', 'values']);
  });
});

describe('plain scalars that skip the tags (MAY_RESOLVE)', () => {
  it('are strings for `yaml` too, whatever follows their first character', () => {
    const tails = ['', 'ull', 'ULL', 'rue', 'es', 'ES', 'o', 'ff', 'n', 'x', 'nf', 'an', 'NaN', '0', '1', '10', '.5', 'e5', 'E5', 'x1F', 'b101', 'o17', '_1', ':20', ':20:30', '-01-01', '.inf', '1.0e+3', 'abc'];
    const firsts = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), 'é', 'ı', '٣', '\u00a0'].filter((c) => !MAY_RESOLVE.test(c) && !/[\s#&*!|>'"%@`,[\]{}?:-]/.test(c));
    expect(firsts.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const c of firsts) {
      for (const tail of tails) {
        const scalar = c + tail;
        const value: unknown = yamlParse(`k: ${scalar}\n`, YAML_OPTIONS)?.k;
        if (value !== scalar) wrong.push(`${scalar} → ${String(value)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
