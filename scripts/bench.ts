// `npm run bench`: whole-process timings and peak RSS on a synthetic mesh, against the targets of the performance issue.
// Wall time is what the targets are about; CPU time (user + system, all threads) is printed too, since on a shared
// machine it moves less than wall time, and the load average says how shared the machine was. A ratio is the median
// of the ratios of each round (both commands ran in it, seconds apart), which holds when the machine's speed drifts
// between rounds; the ratio of two medians would not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateMesh } from './bench/generate.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/src/cli/bin.js');
const FLOOR = join(ROOT, 'dist/scripts/bench/parse-floor.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Sample {
  readonly seconds: number;
  readonly cpu: number | undefined;
  readonly rssMb: number | undefined;
}

interface Measure {
  readonly label: string;
  /** Each round's sample, in round order. */
  readonly rounds: readonly Sample[];
  readonly seconds: number;
  readonly cpu: number | undefined;
  readonly rssMb: number | undefined;
}

function once(cmd: string[]): Sample {
  const args = TIME ? ['-f', '%e %U %S %M', ...cmd] : cmd;
  const started = process.hrtime.bigint();
  const r = spawnSync(TIME ?? cmd[0]!, TIME ? args : cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status === 2 || r.status === null) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr.split('\n').slice(-3).join(' ')}`);
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(last);
  return { seconds: wall, cpu: m ? Number(m[2]) + Number(m[3]) : undefined, rssMb: m ? Number(m[4]) / 1024 : undefined };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Runs every command once to warm up (file cache), then RUNS rounds of all of them in turn: on a shared machine
 * a burst of load then hits every command of a round, and the ratios stay fair.
 */
function measureAll(commands: readonly (readonly [string, string[]])[]): Measure[] {
  for (const [, cmd] of commands) once(cmd);
  const samples: Sample[][] = commands.map(() => []);
  for (let r = 0; r < RUNS; r++) commands.forEach(([, cmd], i) => samples[i]!.push(once(cmd)));
  return commands.map(([label], i) => {
    const own = samples[i]!;
    const cpus = own.map((s) => s.cpu).filter((x): x is number => x !== undefined);
    const rss = own.map((s) => s.rssMb).filter((x): x is number => x !== undefined);
    const result = { label, rounds: own, seconds: median(own.map((s) => s.seconds)), cpu: cpus.length ? median(cpus) : undefined, rssMb: rss.length ? Math.max(...rss) : undefined };
    const cpu = result.cpu === undefined ? '    n/a' : `${result.cpu.toFixed(3)} s`;
    const mem = result.rssMb === undefined ? 'n/a' : `${result.rssMb.toFixed(0)} MB`;
    process.stdout.write(`  ${label.padEnd(46)} ${result.seconds.toFixed(3)} s  ${cpu}  ${mem.padStart(7)}\n`);
    return result;
  });
}

/** The median over rounds of a's figure divided by b's in the same round. */
function pairedRatio(a: Measure, b: Measure, figure: (s: Sample) => number | undefined): number | undefined {
  const ratios: number[] = [];
  a.rounds.forEach((s, i) => {
    const x = figure(s);
    const y = figure(b.rounds[i]!);
    if (x !== undefined && y) ratios.push(x / y);
  });
  return ratios.length ? median(ratios) : undefined;
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

const work = mkdtempSync(join(tmpdir(), 'istio-lint-bench-'));
try {
  const big = join(work, 'n200m50');
  const mid = join(work, 'n50m50');
  const bigDocs = generateMesh(big, { namespaces: 200, servicesPerNamespace: 50 });
  const midDocs = generateMesh(mid, { namespaces: 50, servicesPerNamespace: 50 });
  const loadBefore = load();
  process.stdout.write(`istio-lint benchmark: medians of ${RUNS} rounds (commands in turn) after a warm-up, ratios per round; ${bigDocs} documents (N=200 × M=50), ${midDocs} (N=50 × M=50)\n`);
  process.stdout.write(`load average before: ${loadBefore}\n\n`);
  process.stdout.write(`  ${'command'.padEnd(46)} ${'wall'.padEnd(7)}  ${'cpu'.padEnd(7)}  peak RSS\n`);

  const [node0, seed, floor, lintBig, reportOne, lintMid, summary] = measureAll([
    ['node -e 0', ['node', '-e', '0']],
    ['seed example, lint end to end', ['node', BIN, join(ROOT, 'fixtures/seed'), '--format', 'json', '-o', '/dev/null']],
    ['parse floor (js-yaml loadAll), N=200', ['node', FLOOR, big]],
    ['lint --format json, N=200', ['node', BIN, big, '--no-config', '--format', 'json', '-o', '/dev/null']],
    ['report --from one workload, N=200', ['node', BIN, 'report', big, '--no-config', '--from', 'ns-000/svc-000', '--format', 'json', '--output', '/dev/null']],
    ['lint --format json, N=50', ['node', BIN, mid, '--no-config', '--format', 'json', '-o', '/dev/null']],
    ['report --format summary (all pairs), N=50', ['node', BIN, 'report', mid, '--no-config', '--format', 'summary', '--output', '/dev/null']],
  ]) as [Measure, Measure, Measure, Measure, Measure, Measure, Measure];
  process.stdout.write(`\nload average after: ${load()}\n`);

  const rows: [string, Measure, Measure, string, number][] = [
    ['lint N=200×M=50 / parse floor', lintBig, floor, '≤ 1.5', 1.5],
    ['full verdicts N=50×M=50 / lint of same files', summary, lintMid, '≤ 2', 2],
    ['seed lint / node -e 0', seed, node0, '≤ 2.5', 2.5],
    ['report one workload N=200 / lint N=200', reportOne, lintBig, '≤ 1.2', 1.2],
  ];
  process.stdout.write(`\n  ${'measure'.padEnd(46)} ${'wall'.padStart(5)}   target   holds   (cpu ratio)\n`);
  for (const [label, a, b, target, limit] of rows) {
    const value = pairedRatio(a, b, (s) => s.seconds)!;
    const cpuRatio = pairedRatio(a, b, (s) => s.cpu);
    const cpu = cpuRatio === undefined ? 'n/a' : cpuRatio.toFixed(2);
    process.stdout.write(`  ${label.padEnd(46)} ${value.toFixed(2).padStart(5)}   ${target.padEnd(7)}  ${(value <= limit ? 'yes' : 'NO').padEnd(5)}   (${cpu})\n`);
  }
  const rss = lintBig.rssMb;
  process.stdout.write(`  ${'peak RSS, lint N=200×M=50'.padEnd(46)} ${rss ? rss.toFixed(0).padStart(5) + ' MB' : '  n/a'} ≤ 300 MB  ${rss === undefined ? 'n/a (needs /usr/bin/time)' : rss <= 300 ? 'yes' : 'NO'}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
