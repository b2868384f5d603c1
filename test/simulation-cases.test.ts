// Istio's own simulator tests (istio-simulation-cases.md) as an oracle for the reachability engine.
// One test per case; cases outside the six verdicts are listed as skipped with the reason (fixtures/simulation/skipped.yaml).
import { describe, expect, it } from 'vitest';
import { buildReachReport } from '../src/reach/report.js';
import { simulateCall } from '../src/reach/simulate.js';
import { checkCalls, checkReport, loadFixtures, loadSkipped, meshOf } from './helpers/scenario.js';

const fixtures = loadFixtures('fixtures/simulation');
const skipped = loadSkipped('fixtures/simulation/skipped.yaml');

describe('simulation cases', () => {
  for (const f of fixtures) {
    describe(f.name, () => {
      for (const check of f.checks) {
        it(check.label, () => {
          const mesh = meshOf(f.dir);
          const problems = [
            ...(check.pairs.length || check.workloads.length ? checkReport(f.name, check, buildReachReport(mesh)) : []),
            ...checkCalls(f.name, check, (from, call) => simulateCall(mesh, from, call)),
          ];
          expect(problems, problems.join('\n')).toEqual([]);
        });
        for (const c of check.calls.filter((x) => x.skip)) {
          it.skip(`${check.label} — ${c.case ?? c.call.hostHeader ?? c.call.host}: ${c.skip}`, () => {});
        }
      }
    });
  }
  for (const s of skipped) it.skip(`case ${s.case}: ${s.reason}`, () => {});

  it('every numbered case 1-56 is either encoded or listed as skipped', () => {
    const encoded = new Set(fixtures.flatMap((f) => f.checks.map((c) => Number(c.label.match(/^case (\d+)/)?.[1]))));
    const listed = new Set(skipped.map((s) => s.case));
    const missing = Array.from({ length: 56 }, (_, i) => i + 1).filter((n) => !encoded.has(n) && !listed.has(n));
    expect(missing).toEqual([]);
  });
});
