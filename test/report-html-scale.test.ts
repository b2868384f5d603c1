// The HTML report at 1,000 workloads × 2,000 service ports (2M cells): it opens, draws only what is in view, keeps
// its headers in place while scrolling, and its cells and filters stay right. A synthesized report, shaped like the
// engine's: workloads share scopes, and one scope gives every workload the same reason object per destination.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../src/reach/format-html.js';
import { VERDICTS, type Pair, type ReachReport, type Verdict, type WorkloadSummary } from '../src/reach/types.js';
import { BROWSER_TESTS, launch, pageErrors, type Browser } from './helpers/browser.js';
import { ROOT } from './helpers/cli.js';

const WORKLOADS = 1000;
const PORTS = 2000;
const SCOPES = 120;

function synthesize(): ReachReport {
  const hosts: string[] = [];
  for (let c = 0; c < PORTS; c++) hosts.push(`svc-${String(c >> 1).padStart(4, '0')}.ns-${String(c % 40).padStart(2, '0')}.svc.cluster.local:${c % 2 ? 8080 : 80}`);
  hosts.sort();
  const shared = new Map<number, { verdict: Verdict; reason: string }>();
  const workloads: WorkloadSummary[] = [];
  const pairs: Pair[] = [];
  for (let w = 0; w < WORKLOADS; w++) {
    const ns = `ns-${String(w % 40).padStart(2, '0')}`;
    const id = `${ns}/app-${String(w).padStart(4, '0')}`;
    const scope = (w * 31) % SCOPES;
    const meshed = w % 23 !== 0;
    const sidecar = meshed && scope % 4 ? `${ns}/sidecar-${scope}` : null;
    workloads.push({ id, kind: 'Deployment', meshed, sidecar, outboundTrafficPolicy: scope % 2 ? 'REGISTRY_ONLY' : 'ALLOW_ANY' });
    hosts.forEach((to, c) => {
      const key = meshed ? scope * PORTS + c : -c - 1;
      let r = shared.get(key);
      if (!r) {
        let h = (scope * 2654435761 + c * 40503) >>> 0;
        h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
        const verdict: Verdict = meshed ? VERDICTS[h % 5]! : 'direct';
        const port = to.slice(to.lastIndexOf(':') + 1);
        const reason = meshed
          ? `plaintext HTTP to ${to} (the ClusterIP of ${to.split('.').slice(0, 2).join('.')}); Sidecar ${sidecar ?? 'none'}: listener 0.0.0.0_${port} → ${verdict} <${h % 97}> & "done"`
          : `not meshed: plain Kubernetes takes it to ${to}`;
        shared.set(key, (r = { verdict, reason }));
      }
      pairs.push({ from: id, to, verdict: r.verdict, reason: r.reason, sidecar });
    });
  }
  workloads.sort((a, b) => (a.id < b.id ? -1 : 1));
  pairs.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1));
  return { assumptions: ['synthetic'], workloads, pairs };
}

describe.skipIf(!BROWSER_TESTS)('report --format html at 1,000 × 2,000', () => {
  let browser: Browser;
  let report: ReachReport;
  let file: string;
  let bytes: number;

  beforeAll(async () => {
    report = synthesize();
    const html = formatHtml({ report });
    bytes = Buffer.byteLength(html);
    mkdirSync(join(ROOT, 'test-output', 'report-html'), { recursive: true });
    file = join(ROOT, 'test-output', 'report-html', 'scale.html');
    writeFileSync(file, html);
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  const reasonOf = (label: string): string => {
    const m = /^(.+) to (.+): [^:]+$/.exec(label)!;
    return report.pairs.find((p) => p.from === m[1] && p.to === m[2])!.reason;
  };
  const nodes = (page: import('playwright-core').Page) => page.evaluate(() => document.getElementsByTagName('*').length);

  it('embeds 2M cells compactly, opens within 10 s and keeps the DOM small while scrolling', async () => {
    expect(report.pairs).toHaveLength(WORKLOADS * PORTS);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
    const t0 = Date.now();
    const page = await browser.open(file);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await page.textContent('#shown')).toBe('1000 of 1000 workloads × 2000 of 2000 service ports');
    expect(await nodes(page)).toBeLessThan(5000);

    const grid = (await page.$('#grid'))!;
    const top = (await grid.boundingBox())!;
    await page.evaluate(() => {
      const g = document.getElementById('grid')!;
      g.scrollTop = g.scrollHeight;
      g.scrollLeft = g.scrollWidth;
    });
    await expect.poll(() => page.$$eval('.ph', (els) => els.some((e) => e.textContent === '8080' && e.getAttribute('title')?.startsWith('svc-0999.')))).toBe(true);
    expect(await nodes(page)).toBeLessThan(5000);
    // The headers stay in view: the port row at the top, the workload names at the left.
    const ph = (await (await page.$('.ph'))!.boundingBox())!;
    expect(Math.abs(ph.y - (top.y + 44))).toBeLessThan(2);
    const rh = (await (await page.$('.rh'))!.boundingBox())!;
    expect(Math.abs(rh.x - top.x)).toBeLessThan(2);

    const last = page.locator('#cells .cell').last();
    const label = (await last.getAttribute('aria-label'))!;
    expect(label).toMatch(/^ns-\d\d\/app-\d{4} to svc-0999\.ns-\d\d\.svc\.cluster\.local:8080: /);
    await last.hover();
    expect(await page.textContent('#tip .why')).toBe(reasonOf(label));
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('moves keyboard focus across the whole matrix, drawing what it reaches', async () => {
    const page = await browser.open(file);
    await page.locator('#cells .cell').first().focus();
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(await active()).toMatch(/^ns-00\/app-0000 to svc-0000\.ns-00\.svc\.cluster\.local:80: /);
    await page.keyboard.press('End');
    expect(await active()).toMatch(/^ns-00\/app-0000 to svc-0999\.ns-\d\d\.svc\.cluster\.local:8080: /);
    await page.keyboard.press('Control+End');
    const label = await active();
    expect(label).toMatch(/^ns-39\/app-0999 to svc-0999\.ns-\d\d\.svc\.cluster\.local:8080: /);
    expect(await page.textContent('#tip .why')).toBe(reasonOf(label));
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    // Columns are grouped by namespace: one step left is the previous port in ns-39, on a row a page up.
    const moved = /^ns-39\/app-(\d{4}) to (svc-\d{4})\.ns-39\.svc\.cluster\.local:\d+: /.exec(await active());
    expect(moved).not.toBeNull();
    expect(Number(moved![1])).toBeLessThan(999);
    expect(moved![2]).not.toBe('svc-0999');
    expect(await nodes(page)).toBeLessThan(5000);
    await page.close();
  }, 60_000);

  it('filters 2M cells by text and by verdict, and counts them right', async () => {
    const page = await browser.open(file);
    const t0 = Date.now();
    await page.click('[data-preset="blocked"]');
    const blocked = (v: Verdict) => report.pairs.filter((p) => p.verdict === v).length;
    await expect.poll(() => page.textContent('.legend .chip.v1 .n')).toBe(String(blocked('502')));
    expect(await page.textContent('.legend .chip.v2 .n')).toBe(String(blocked('blackhole')));
    expect(await page.textContent('.legend .chip.v0 .n')).toBe('0');
    expect(Date.now() - t0).toBeLessThan(10_000);

    await page.fill('#f-text', 'app-0047');
    await expect.poll(() => page.textContent('#shown')).toMatch(/^1 of 1000 workloads × \d+ of 2000 service ports$/);
    const expected = report.pairs.filter((p) => p.from.endsWith('/app-0047') && ['502', 'blackhole', '503'].includes(p.verdict)).length;
    const legend = await page.$$eval('.legend .chip .n', (els) => els.map((e) => Number(e.textContent)));
    expect(legend.reduce((a, b) => a + b, 0)).toBe(expected);
    const first = page.locator('#cells .cell:not(.out)').first();
    await first.focus();
    expect(await page.textContent('#tip .why')).toBe(reasonOf((await first.getAttribute('aria-label'))!));
    expect(await nodes(page)).toBeLessThan(5000);
    await page.close();
  }, 60_000);
});
