// VM workloads in the model: what selectors see of WorkloadEntries and WorkloadGroups.
import { describe, expect, it } from 'vitest';
import { selectorOutcome } from '../src/model/selection.js';
import { deploy, meshFrom } from './reach-fixtures.js';

const GROUP = `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata: {name: ratings, namespace: vms, labels: {ignored: "yes"}}
spec:
  metadata: {labels: {app: ratings, version: v2}}
  template: {labels: {version: v1, class: vm}, address: 10.0.0.1, serviceAccount: ratings}
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: db, namespace: vms}
spec: {address: 10.0.0.2, labels: {app: db}}
---
apiVersion: example.com/v1
kind: WorkloadEntry
metadata: {name: not-istio, namespace: vms}
spec: {labels: {app: db}}
---
`;

describe('WorkloadEntry and WorkloadGroup in the model', () => {
  const mesh = meshFrom(GROUP + deploy('web', 'vms', '{app: web}') + deploy('db', 'other', '{app: db}'));

  it('reads Istio WorkloadEntries and WorkloadGroups only, with a group\'s registration labels (metadata over template)', () => {
    expect(mesh.workloadEntries.map((e) => [e.kind, e.id, { ...e.labels }, e.address])).toEqual([
      ['WorkloadEntry', 'vms/db', { app: 'db' }, '10.0.0.2'],
      ['WorkloadGroup', 'vms/ratings', { app: 'ratings', version: 'v2', class: 'vm' }, '10.0.0.1'],
    ]);
    // The pod-template workloads the reachability report reads are unchanged.
    expect(mesh.workloads.map((w) => w.id)).toEqual(['other/db', 'vms/web']);
  });

  it('lets selectors pick VMs beside pods, in their own namespace only', () => {
    expect(selectorOutcome(mesh, { app: 'ratings', version: 'v2' }, 'vms').selected.map((t) => `${t.kind} ${t.id}`)).toEqual(['WorkloadGroup vms/ratings']);
    expect(selectorOutcome(mesh, { version: 'v1' }, 'vms').miss).toEqual({ key: 'version', reason: 'value', values: ['v2'] });
    const db = selectorOutcome(mesh, { app: 'db' }, 'shop');
    expect(db.selected).toEqual([]);
    expect(db.elsewhere.map((t) => `${t.kind} ${t.id}`)).toEqual(['Deployment other/db', 'WorkloadEntry vms/db']);
  });
});
