// The validators generated at build time (ajv standalone code) are up to date and behave exactly as the schemas compiled at run time.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isObject, type JsonValue } from '../src/json.js';
import { parseSource } from '../src/loader/parse.js';
import { createAjv, GENERATED_DIR, generateValidators, KIND_SCHEMAS, schemaId, schemaNameFor, validateManifest } from '../src/schema.js';
import { ROOT } from './helpers/cli.js';

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

const generated = generateValidators();
// Inside the repository (test-output/ is git-ignored) so that the generated code finds ajv's runtime helpers.
const outDir = join(ROOT, 'test-output', `validators-${process.pid}`);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.(ya?ml|json)$/.test(name) ? [p] : [];
  });
}

/** Every manifest we have of a schema'd kind: the corpus, our fixtures, and each with every leaf replaced by odd values. */
function samples(): { name: string; value: JsonValue }[] {
  const files = [...yamlFiles(join(ROOT, '../shared/corpus')), ...yamlFiles(join(ROOT, 'fixtures/rules/schema')), ...yamlFiles(join(ROOT, 'fixtures/seed'))];
  const out: { name: string; value: JsonValue }[] = [];
  for (const file of files) {
    for (const m of parseSource(file, readFileSync(file, 'utf8'), { defaultNamespace: 'default' }).manifests) {
      const name = schemaNameFor(m.apiVersion, m.kind);
      if (!name) continue;
      out.push({ name, value: m.value });
      if (file.includes('fixtures/rules/schema/valid')) for (const value of mutations(m.value)) out.push({ name, value });
    }
  }
  return out;
}

const ODD: readonly JsonValue[] = ['x', 70000, -1, true, null, [], {}];

/** The document with one node replaced by an odd value, or with an unknown field added to one object. */
function* mutations(v: JsonValue, depth = 0): Generator<JsonValue> {
  if (depth > 0) for (const odd of ODD) if (odd !== v) yield odd;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) for (const m of mutations(v[i]!, depth + 1)) yield v.map((x, j) => (j === i ? m : x));
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) for (const m of mutations(v[k]!, depth + 1)) yield { ...v, [k]: m };
    yield { ...v, unknownField: 1 };
  }
}

describe('generated schema validators', () => {
  it('generates one module per kind schema, deterministically', () => {
    expect(Object.keys(generated).sort()).toEqual([...KIND_SCHEMAS]);
    expect(generateValidators()).toEqual(generated);
  });

  it('report exactly the errors of the schemas compiled at run time', () => {
    mkdirSync(outDir, { recursive: true });
    const load = createRequire(join(outDir, 'x.cjs'));
    const ajv = createAjv();
    const pairs = new Map<string, [Validate, Validate]>();
    for (const [name, code] of Object.entries(generated)) {
      writeFileSync(join(outDir, `${name}.cjs`), code);
      pairs.set(name, [load(join(outDir, `${name}.cjs`)) as Validate, ajv.getSchema(schemaId(name)) as Validate]);
    }
    const all = samples();
    let invalid = 0;
    for (const { name, value } of all) {
      const [standalone, runtime] = pairs.get(name)!;
      const ok = standalone(value);
      expect(runtime(value)).toBe(ok);
      if (!ok) invalid++;
      expect(standalone.errors ?? null).toEqual(runtime.errors ?? null);
    }
    // The comparison must have seen both outcomes, on every kind.
    expect(invalid).toBeGreaterThan(1000);
    expect(all.length - invalid).toBeGreaterThan(300);
    expect(new Set(all.map((s) => s.name))).toEqual(new Set(KIND_SCHEMAS));
  });

  it('are what the built dist/src/schema.js loads, with the same findings as src/ compiling at run time', async () => {
    const built = (await import(pathToFileURL(join(ROOT, 'dist/src/schema.js')).href)) as typeof import('../src/schema.js');
    const fixtures = yamlFiles(join(ROOT, 'fixtures/rules/schema/invalid'));
    const manifests = fixtures.flatMap((f) => parseSource(f, readFileSync(f, 'utf8'), { defaultNamespace: 'default' }).manifests);
    expect(manifests.map((m) => built.validateManifest(m))).toEqual(manifests.map((m) => validateManifest(m)));
    expect(manifests.flatMap((m) => validateManifest(m)).length).toBeGreaterThan(5);
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes(join('dist', 'src', GENERATED_DIR)));
    expect(loaded.map((k) => k.split(/[\\/]/).pop()).sort()).toEqual(['deployment.cjs', 'sidecar.cjs']);
  });

  it('are up to date in dist/ (npm run build writes them)', () => {
    const dist = join(ROOT, 'dist/src', GENERATED_DIR);
    expect(existsSync(join(ROOT, 'dist/src/schema.js')), 'dist/ is missing: run npm run build').toBe(true);
    expect(existsSync(dist) ? readdirSync(dist).sort() : [], `${dist} is stale: run npm run build`).toEqual(KIND_SCHEMAS.map((n) => `${n}.cjs`));
    for (const [name, code] of Object.entries(generated)) {
      expect(readFileSync(join(dist, `${name}.cjs`), 'utf8') === code, `dist/src/${GENERATED_DIR}/${name}.cjs is stale: run npm run build`).toBe(true);
    }
  });
});
