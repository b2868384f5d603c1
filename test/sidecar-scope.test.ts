// Which Sidecar governs a workload (istio-semantics.md B1–B5), as the rules and the reachability model read it.
import { describe, expect, it } from 'vitest';
import { modelOf, parseInputs } from '../src/engine.js';
import { effectiveSidecar, sidecarCandidates, workloadsGovernedBy } from '../src/model/sidecar-scope.js';

const sidecar = (name: string, ns: string, opts: { selector?: string; created?: string } = {}): string =>
  [
    'apiVersion: networking.istio.io/v1',
    'kind: Sidecar',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    ...(opts.created ? [`  creationTimestamp: "${opts.created}"`] : []),
    'spec:',
    ...(opts.selector !== undefined ? ['  workloadSelector:', opts.selector ? `    labels: {${opts.selector}}` : '    labels: {}'] : []),
    '  egress:',
    '    - hosts: ["./*"]',
  ].join('\n');
const pod = (name: string, ns: string, labels: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels: {${labels}}\nspec:\n  containers:\n    - name: c\n      image: c`;

function mesh(...docs: string[]) {
  return modelOf(parseInputs([{ path: 'm.yaml', text: docs.join('\n---\n') }], 'default'), { meshLayers: [], assumeInjected: true }).mesh;
}
const scopeOf = (m: ReturnType<typeof mesh>, podName: string): string[] =>
  sidecarCandidates(m.workloads.find((w) => w.name === podName)!, m).map((c) => `${c.level}:${c.sidecar.id}`);

describe('sidecar scope', () => {
  it('orders selector Sidecars, then the namespace-wide one, then the root default', () => {
    const m = mesh(pod('a', 'shop', 'app: a'), sidecar('ns-wide', 'shop'), sidecar('by-app', 'shop', { selector: 'app: a' }), sidecar('root', 'istio-system'), sidecar('other', 'shop', { selector: 'app: b' }));
    expect(scopeOf(m, 'a')).toEqual(['selector:shop/by-app', 'namespace:shop/ns-wide', 'root:istio-system/root']);
  });

  it('takes the oldest by creationTimestamp, then by name; a Sidecar without timestamp counts as newest', () => {
    const m = mesh(
      pod('a', 'shop', 'app: a'),
      sidecar('z-old', 'shop', { selector: 'app: a', created: '2023-01-01T00:00:00Z' }),
      sidecar('a-new', 'shop', { selector: 'app: a', created: '2024-01-01T00:00:00Z' }),
      sidecar('b-unapplied', 'shop', { selector: 'app: a' }),
      sidecar('a-unapplied', 'shop', { selector: 'app: a' }),
    );
    expect(scopeOf(m, 'a')).toEqual(['selector:shop/z-old', 'selector:shop/a-new', 'selector:shop/a-unapplied', 'selector:shop/b-unapplied']);
  });

  it('an empty selector is a selector that matches every pod and outranks the namespace-wide Sidecar', () => {
    const m = mesh(pod('a', 'shop', 'app: a'), sidecar('ns-wide', 'shop'), sidecar('empty', 'shop', { selector: '' }));
    expect(effectiveSidecar(m.workloads[0]!, m)?.sidecar.name).toBe('empty');
  });

  it('a root Sidecar with a selector is no mesh default, and the root namespace\'s own pods see it as namespace level', () => {
    const m = mesh(pod('a', 'shop', 'app: a'), pod('gw', 'istio-system', 'app: a'), sidecar('root-sel', 'istio-system', { selector: 'app: a' }), sidecar('root', 'istio-system'));
    expect(scopeOf(m, 'a')).toEqual(['root:istio-system/root']);
    expect(scopeOf(m, 'gw')).toEqual(['selector:istio-system/root-sel', 'namespace:istio-system/root']);
  });

  it('no Sidecar at all: the implicit default, governed by nothing', () => {
    const m = mesh(pod('a', 'shop', 'app: a'), sidecar('elsewhere', 'other'));
    expect(effectiveSidecar(m.workloads[0]!, m)).toBeUndefined();
    expect(workloadsGovernedBy(m.sidecars[0]!, m)).toEqual([]);
  });
});
