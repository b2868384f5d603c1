// The oracle for the reachability engine: istio-semantics.md §4 scenarios (and the seed) as fixtures.
// Each fixtures/scenarios/<name>/expected.yaml was written from the document; see test/helpers/scenario.ts.
import { describe, expect, it } from 'vitest';
import { buildReachReport } from '../src/reach/report.js';
import { simulateCall } from '../src/reach/simulate.js';
import type { ReachReport } from '../src/reach/types.js';
import { runCli } from './helpers/cli.js';
import { checkCalls, checkReport, loadFixtures, meshOf } from './helpers/scenario.js';

const fixtures = loadFixtures('fixtures/scenarios');

describe('scenario fixtures', () => {
  it('cover at least 35 scenarios of istio-semantics.md §4 plus the seed', () => {
    const numbers = new Set(fixtures.map((f) => f.name.match(/^s(\d+)/)?.[1]).filter(Boolean));
    expect(numbers.size).toBeGreaterThanOrEqual(35);
    expect(fixtures.map((f) => f.name)).toContain('seed-verdicts');
  });
});

describe('scenarios: buildReachReport + simulateCall', () => {
  for (const f of fixtures) {
    const [check] = f.checks;
    it(`${f.name}: ${f.title}`, () => {
      const mesh = meshOf(f.dir);
      const report = buildReachReport(mesh);
      const problems = [...checkReport(f.name, check!, report), ...checkCalls(f.name, check!, (from, call) => simulateCall(mesh, from, call))];
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

describe('scenarios: istio-lint report --format json', () => {
  for (const f of fixtures) {
    const [check] = f.checks;
    if (!check!.pairs.length && !check!.workloads.length) continue;
    it(`${f.name}`, async () => {
      const r = await runCli(['report', f.dir, '--format', 'json']);
      let report: ReachReport;
      try {
        report = JSON.parse(r.stdout) as ReachReport;
      } catch {
        throw new Error(`[${f.name}] report printed no JSON (exit ${r.code}): ${r.stderr.trim() || r.stdout.slice(0, 300)}`);
      }
      const problems = checkReport(f.name, check!, report);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
