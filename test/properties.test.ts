// Property-based: generated meshes, whole and damaged, never throw through parse → model → rules → report,
// and the reachability verdicts obey invariants that follow from Istio's semantics.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allOf,
  damageText,
  meshInput,
  mutate,
  mutation,
  pipeline,
  reportOf,
  textDamage,
  toFiles,
  verdicts,
  type Obj,
} from './helpers/mesh-gen.js';

const noInternalErrors = (findings: readonly { message: string }[]): void => {
  expect(findings.filter((f) => /internal error/.test(f.message)).map((f) => f.message)).toEqual([]);
};

describe('never throws', () => {
  it('on valid meshes', () => {
    fc.assert(
      fc.property(meshInput(), (m) => {
        const { findings, report } = pipeline(toFiles(allOf(m)));
        noInternalErrors(findings);
        expect(findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
        expect(report.workloads.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('on meshes with deletions, type swaps and garbage in their objects', () => {
    fc.assert(
      fc.property(meshInput(), fc.array(fc.array(mutation, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (m, damage) => {
        const objs = allOf(m).map((o, i) => (i < damage.length ? (mutate(o, damage[i]!) as Obj) : o));
        const { findings } = pipeline(toFiles(objs));
        noInternalErrors(findings);
      }),
      { numRuns: 100 },
    );
  });

  it('on meshes whose text is cut and spliced with YAML punctuation', () => {
    fc.assert(
      fc.property(meshInput(), textDamage, (m, edits) => {
        const files = toFiles(allOf(m));
        files[0] = { path: files[0]!.path, text: damageText(files[0]!.text, edits) };
        const { findings } = pipeline(files);
        noInternalErrors(findings);
        for (const f of findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** Pairs whose verdict was `from` before and is anything but allowed after. */
function broken(before: Map<string, string>, after: Map<string, string>, from: string, allowed: (v: string | undefined) => boolean): string[] {
  return [...before].filter(([, v]) => v === from).filter(([k]) => !allowed(after.get(k))).map(([k]) => `${k}: ${from} → ${after.get(k)}`);
}

describe('reachability invariants', () => {
  // Found by this property, and true to Istio (istio-semantics.md, steps 6-7), so outside its domain:
  // - a "200" can be a misroute: a TCP listener at 0.0.0.0:N forwards whatever arrives on port N to the one
  //   service it imports; importing the real destination then shows that destination's own verdict (a 503
  //   when it has no pods);
  // - an egress port declared HTTP takes raw TCP to passthrough once it imports a TCP service on that port.
  // Hence meshes where every Service has pods and every port number has one protocol.
  it('adding */* to a Sidecar’s egress hosts never turns a 200 into something else', () => {
    fc.assert(
      fc.property(meshInput({ endpoints: true, consistent: true }), fc.nat(), (m, pick) => {
        fc.pre(m.sidecars.length > 0);
        const i = pick % m.sidecars.length;
        const widened = structuredClone(m.sidecars);
        const spec = widened[i]!.spec as { egress: { hosts: string[] }[] };
        for (const l of spec.egress) if (!l.hosts.includes('*/*')) l.hosts.push('*/*');
        const before = verdicts(reportOf(allOf(m)));
        const after = verdicts(reportOf(allOf({ ...m, sidecars: widened })));
        expect(broken(before, after, '200', (v) => v === '200')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('switching a Sidecar from ALLOW_ANY to REGISTRY_ONLY never turns a blackhole into a 200', () => {
    fc.assert(
      fc.property(meshInput(), fc.nat(), (m, pick) => {
        fc.pre(m.sidecars.length > 0);
        const i = pick % m.sidecars.length;
        const withMode = (mode: string): Obj[] =>
          m.sidecars.map((s, j) => (j === i ? { ...s, spec: { ...(s.spec as Obj), outboundTrafficPolicy: { mode } } } : s));
        const allow = verdicts(reportOf(allOf({ ...m, sidecars: withMode('ALLOW_ANY') })));
        const registry = verdicts(reportOf(allOf({ ...m, sidecars: withMode('REGISTRY_ONLY') })));
        expect(broken(allow, registry, 'blackhole', (v) => v !== '200')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('a workload without a Sidecar gets the verdicts it gets with a Sidecar importing */* under the same policy', () => {
    fc.assert(
      fc.property(meshInput({ sidecars: false }), fc.nat(), fc.boolean(), (m, pick, explicitMode) => {
        const none = reportOf(allOf(m));
        const w = none.workloads[pick % none.workloads.length]!;
        const [namespace] = w.id.split('/');
        const meshMode = m.mesh ? (/REGISTRY_ONLY/.test(String((m.mesh.data as Obj).mesh)) ? 'REGISTRY_ONLY' : 'ALLOW_ANY') : 'ALLOW_ANY';
        const importAll: Obj = {
          apiVersion: 'networking.istio.io/v1',
          kind: 'Sidecar',
          metadata: { name: 'import-all', namespace },
          spec: { egress: [{ hosts: ['*/*'] }], ...(explicitMode ? { outboundTrafficPolicy: { mode: meshMode } } : {}) },
        };
        const withSidecar = reportOf([...allOf(m), importAll]);
        const inNs = (r: typeof none): Map<string, string> => new Map([...verdicts(r)].filter(([k]) => k.startsWith(`${namespace}/`)));
        expect(inNs(withSidecar)).toEqual(inNs(none));
      }),
      { numRuns: 100 },
    );
  });

  it('verdicts (and reasons) do not depend on the order of documents and files', () => {
    fc.assert(
      fc.property(
        meshInput().chain((m) => fc.tuple(fc.constant(m), fc.shuffledSubarray(allOf(m), { minLength: allOf(m).length }), fc.integer({ min: 1, max: 4 }))),
        ([m, shuffled, perFile]) => {
          const a = pipeline(toFiles(allOf(m)));
          const b = pipeline(toFiles(shuffled, perFile));
          expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the generators reach every interesting verdict (so the invariants are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(meshInput(), (m) => {
        for (const p of reportOf(allOf(m)).pairs) seen.add(p.verdict);
      }),
      { numRuns: 150, seed: 42 },
    );
    expect([...seen].sort()).toEqual(expect.arrayContaining(['200', '502', '503', 'blackhole', 'passthrough']));
  });
});

