// `istio-lint report --format html` on the seed: one self-contained file, checked as bytes and in real headless
// Chromium (verdicts, filters, the reason on keyboard focus, the workload view); the test run also makes the
// README's screenshot, docs/report-seed.png.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHtml } from '../src/reach/format-html.js';
import { decodeReason, encodeReason, TOKENS } from '../src/reach/html/data.js';
import type { ReachReport } from '../src/reach/types.js';
import { BROWSER_TESTS, launch, pageErrors, type Browser } from './helpers/browser.js';
import { ROOT, runCli } from './helpers/cli.js';

const OUT = join(ROOT, 'test-output', 'report-html');
const SCREENSHOT = join(ROOT, 'docs', 'report-seed.png');
const OBSERVED: Record<string, string> = {
  'default/helloworld-default to helloworld.foo.svc.cluster.local:80': '200',
  'default/helloworld-default to helloworld.foo.svc.cluster.local:8080': 'blackhole',
  'default/helloworld-default to helloworld.default.svc.cluster.local:80': '502',
  'default/helloworld-default to helloworld.default.svc.cluster.local:8080': 'blackhole',
  'foo/helloworld-foo to helloworld.foo.svc.cluster.local:80': 'blackhole',
  'foo/helloworld-foo to helloworld.foo.svc.cluster.local:8080': '200',
  'foo/helloworld-foo to helloworld.default.svc.cluster.local:80': 'blackhole',
  'foo/helloworld-foo to helloworld.default.svc.cluster.local:8080': '200',
};

async function seedHtml(...extra: string[]): Promise<string> {
  const r = await runCli(['report', 'fixtures/seed', '--format', 'html', '--output', 'reach.html', ...extra]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  return r.files[join(ROOT, 'reach.html')]!;
}

async function seedJson(): Promise<ReachReport> {
  return JSON.parse((await runCli(['report', 'fixtures/seed', '--format', 'json'])).stdout) as ReachReport;
}

function writeOut(name: string, text: string | Buffer): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, name);
  writeFileSync(file, text);
  return file;
}

/** The cells a user sees with a verdict: "from to to" (the cell's accessible name) → its visible text. */
async function shownCells(page: Page): Promise<Record<string, string>> {
  const cells = await page.$$eval('#cells .cell', (els) =>
    els.map((e) => ({ label: e.getAttribute('aria-label') ?? '', text: (e.textContent ?? '').trim(), shown: !e.classList.contains('out') && !e.classList.contains('none') })),
  );
  return Object.fromEntries(cells.filter((c) => c.shown).map((c) => [c.label.replace(/: [^:]+$/, ''), c.text]));
}

describe('report --format html: the file', () => {
  it('is one self-contained page: inline style, script and data, nothing fetched, same bytes every run', async () => {
    const html = await seedHtml();
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href|action)=/i);
    expect(html).not.toMatch(/@import|url\(|<link\b|<iframe\b/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(await seedHtml()).toBe(html);
  });

  it('prints to stdout without --output, and registers html, dot and mermaid in --help', async () => {
    const r = await runCli(['report', 'fixtures/seed', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    const help = await runCli(['report', '--help']);
    expect(help.stdout).toMatch(/html \(one self-contained page\)/);
    expect(help.stdout).toMatch(/--only blocked\|allowed/);
  });

  it('embeds the lint findings of the same input and the summary line', async () => {
    const html = await seedHtml();
    expect(html).toContain('Lint findings: 0 errors, 2 warnings');
    expect(html).toContain('8 pairs from 2 workloads: 3 × 200, 1 × 502, 4 × blackhole');
    expect(html).toContain('"egress-port-trims-service"');
  });

  it('keeps names and reasons inert: no "</script" or raw U+2028 inside the data, markup escaped', () => {
    const evil = 'x/<img src=x onerror=alert(1)>';
    const report: ReachReport = {
      assumptions: ['a <b>bold</b> & "quoted" assumption'],
      workloads: [{ id: evil, kind: 'Pod', meshed: true, sidecar: null, outboundTrafficPolicy: 'ALLOW_ANY' }],
      pairs: [{ from: evil, to: 'svc.x.svc.cluster.local:80', verdict: '200', reason: 'a </script><script>alert(2)</script> b\u2028c\u2029d <!-- e', sidecar: null }],
    };
    const html = formatHtml({ report });
    const data = /<script type="application\/json" id="reach-data">([^]*?)<\/script>/.exec(html)![1]!;
    expect(data).not.toMatch(/<|>|\u2028|\u2029/);
    expect(JSON.parse(data).reasons[0]).toContain('</script><script>alert(2)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<li>a &#60;b&#62;bold&#60;/b&#62; &#38; &#34;quoted&#34; assumption</li>');
  });
});

describe('reason templates', () => {
  it('decode(encode(reason)) is the reason, for any text and names (private-use characters included)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 5, maxLength: 5 }), fc.array(fc.oneof(fc.nat(4), text), { maxLength: 12 }), (values, parts) => {
        const reason = parts.map((p) => (typeof p === 'number' ? values[p]! : p)).join('');
        expect(decodeReason(encodeReason(reason, values), values)).toBe(reason);
      }),
      { numRuns: 2000 },
    );
  });

  it('turns the names of one cell into tokens, so that one explanation is stored once', () => {
    const values = ['foo/sc', 'foo/app', 'web.foo.svc.cluster.local', 'web.foo', '8080'];
    const t = encodeReason('to web.foo.svc.cluster.local:8080 (ClusterIP(web.foo)); Sidecar foo/sc', values);
    expect(t).toBe(`to ${TOKENS[2]}:${TOKENS[4]} (ClusterIP(${TOKENS[3]})); Sidecar ${TOKENS[0]}`);
  });
});

describe.skipIf(!BROWSER_TESTS)('report --format html in headless Chromium', () => {
  let browser: Browser;
  let file: string;
  let report: ReachReport;

  beforeAll(async () => {
    browser = await launch();
    file = writeOut('seed.html', await seedHtml());
    report = await seedJson();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens from file:// and shows the 8 observed verdicts, each with its symbol and its text', async () => {
    const page = await browser.open(file);
    const cells = await shownCells(page);
    expect(Object.keys(cells).sort()).toEqual(Object.keys(OBSERVED).sort());
    const symbol: Record<string, string> = { '200': '✓', '502': '✕', blackhole: '⊘' };
    for (const [k, v] of Object.entries(OBSERVED)) expect(cells[k]).toBe(`${symbol[v]}${v}`);
    expect(await page.textContent('#shown')).toBe('2 of 2 workloads × 4 of 4 service ports');
    expect(await page.$$eval('.seg-ns', (els) => els.map((e) => e.textContent))).toEqual(['default', 'foo']);
    expect(await page.$$eval('.ph', (els) => els.map((e) => e.textContent))).toEqual(['80', '8080', '80', '8080']);
    expect(browser.requests.every((u) => u.startsWith('file://'))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('filters by namespace, by verdict and by text, and counts what remains', async () => {
    const page = await browser.open(file);
    await page.selectOption('#f-to', 'foo');
    expect(await shownCells(page)).toEqual({
      'default/helloworld-default to helloworld.foo.svc.cluster.local:80': '✓200',
      'default/helloworld-default to helloworld.foo.svc.cluster.local:8080': '⊘blackhole',
      'foo/helloworld-foo to helloworld.foo.svc.cluster.local:80': '⊘blackhole',
      'foo/helloworld-foo to helloworld.foo.svc.cluster.local:8080': '✓200',
    });
    await page.click('[data-preset="blocked"]');
    expect(await shownCells(page)).toEqual({
      'default/helloworld-default to helloworld.foo.svc.cluster.local:8080': '⊘blackhole',
      'foo/helloworld-foo to helloworld.foo.svc.cluster.local:80': '⊘blackhole',
    });
    expect(await page.textContent('.legend .chip.v2 .n')).toBe('2');
    expect(await page.textContent('.legend .chip.v0 .n')).toBe('0');

    await page.selectOption('#f-to', '');
    await page.click('[data-preset="all"]');
    await page.fill('#f-text', 'helloworld-foo');
    await expect.poll(() => page.textContent('#shown')).toBe('1 of 2 workloads × 4 of 4 service ports');
    expect(Object.keys(await shownCells(page)).every((k) => k.startsWith('foo/helloworld-foo '))).toBe(true);
    await page.fill('#f-text', 'no such thing');
    await expect.poll(() => page.isVisible('#empty')).toBe(true);
    await page.close();
  });

  it('shows the reason when a cell gets keyboard focus, and arrow keys move it', async () => {
    const page = await browser.open(file);
    const reason = (from: string, to: string) => report.pairs.find((p) => p.from === from && p.to === to)!.reason;
    await page.focus('.cell[aria-label^="default/helloworld-default to helloworld.default.svc.cluster.local:80:"]');
    expect(await page.isVisible('#tip')).toBe(true);
    expect(await page.textContent('#tip .why')).toBe(reason('default/helloworld-default', 'helloworld.default.svc.cluster.local:80'));
    expect(await page.textContent('#tip .route')).toBe('default/helloworld-default → helloworld.default.svc.cluster.local:80');

    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('default/helloworld-default to helloworld.default.svc.cluster.local:8080: blackhole');
    expect(await page.textContent('#tip .why')).toBe(reason('default/helloworld-default', 'helloworld.default.svc.cluster.local:8080'));
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('foo/helloworld-foo to helloworld.default.svc.cluster.local:8080: 200');
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#tip')).toBe(false);
    await page.close();
  });

  it('opens the workload view with its Sidecar, policy, lint findings and predicted listeners', async () => {
    const page = await browser.open(file);
    await page.focus('.cell[aria-label^="default/helloworld-default to helloworld.foo.svc.cluster.local:8080:"]');
    await page.keyboard.press('Enter');
    const aside = (await page.textContent('#detail')) ?? '';
    expect(aside).toContain('helloworld-default');
    expect(aside).toContain('Sidecar default/helloworld-sidecar-default (workloadSelector app=helloworld)');
    expect(aside).toContain('REGISTRY_ONLY (set by the Sidecar)');
    expect(aside).toContain('fixtures/seed/sidecar.yaml:1');
    expect(aside).toContain('egress[0] 80 HTTP egress-http → foo/*');
    expect(aside).toContain('warning egress-port-trims-service');
    expect(aside).toContain('fixtures/seed/sidecar.yaml:12:17');
    expect(aside).not.toContain('sidecar.yaml:31:17');
    expect(await page.$$eval('#detail details:first-of-type tbody tr', (rows) => rows.map((r) => r.textContent))).toContain('0.0.0.080Trans: raw_buffer; App: http/1.1,h2cRoute: 80');
    expect(await page.textContent('#detail .pick .why')).toBe(report.pairs.find((p) => p.from === 'default/helloworld-default' && p.to === 'helloworld.foo.svc.cluster.local:8080')!.reason);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#detail')).toBe(false);
    await page.close();
  });

  it('decodes reasons that name their own cell in every way (in the page, not only in TypeScript)', async () => {
    const w = (id: string, sidecar: string | null) => ({ id, kind: 'Pod', meshed: true, sidecar, outboundTrafficPolicy: 'REGISTRY_ONLY' as const });
    const tricky = [
      { from: 'a/x', to: 'svc.a.svc.cluster.local:80', reason: 'port 80 of 8080 and 1080: 0.0.0.0_80 → svc.a.svc.cluster.local:80 (svc.a)', sidecar: 'a/x-sc' },
      { from: 'a/x', to: 'svc.a.svc.cluster.local:8080', reason: 'Sidecar a/x-sc applies to a/x; "a/x" is a prefix of a/x-sc', sidecar: 'a/x-sc' },
      { from: 'a/x', to: 'e.example.com:9', reason: 'private \uE000\uE001 use and e.example.com:9 stay literal', sidecar: 'a/x-sc' },
      { from: 'b/y', to: 'svc.a.svc.cluster.local:80', reason: 'Sidecar a/x-sc is not b/y\'s: port 80 of svc.a.svc.cluster.local', sidecar: null },
      { from: 'c/p', to: 'svc.a.svc.cluster.local:80', reason: 'c/p and c/q share Sidecar c/sc', sidecar: 'c/sc' },
      { from: 'c/q', to: 'svc.a.svc.cluster.local:80', reason: 'c/p and c/q share Sidecar c/sc', sidecar: 'c/sc' },
    ];
    const report: ReachReport = {
      assumptions: [],
      workloads: [w('a/x', 'a/x-sc'), w('b/y', null), w('c/p', 'c/sc'), w('c/q', 'c/sc')],
      pairs: tricky.map((p) => ({ ...p, verdict: '200' as const })),
    };
    const page = await browser.open(writeOut('tricky.html', formatHtml({ report })));
    for (const p of tricky) {
      await page.focus(`.cell[aria-label^="${p.from} to ${p.to}:"]`);
      expect(await page.textContent('#tip .why')).toBe(p.reason);
    }
    await page.close();
  });

  it('shows hostile names as text: no markup or script from the data runs', async () => {
    const evil = 'x/<img src=x onerror=alert(1)>';
    const reason = 'a </script><script>alert(2)</script> & b\u2028c';
    const report: ReachReport = {
      assumptions: [],
      workloads: [{ id: evil, kind: 'Pod', meshed: true, sidecar: 'x/<b>sc</b>', outboundTrafficPolicy: 'ALLOW_ANY' }],
      pairs: [{ from: evil, to: 'svc.x.svc.cluster.local:80', verdict: '503', reason, sidecar: 'x/<b>sc</b>' }],
    };
    const page = await browser.open(writeOut('hostile.html', formatHtml({ report })));
    expect(await page.textContent('.rh .wl')).toBe('<img src=x onerror=alert(1)>');
    await page.focus('#cells .cell');
    expect(await page.textContent('#tip .why')).toBe(reason);
    expect(await page.$$('img, #cells b')).toHaveLength(0);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!BROWSER_TESTS)('the README screenshot', () => {
  it('renders the seed with a chosen cell, its workload view and a reason, and saves docs/report-seed.png', async () => {
    const browser = await launch({ scale: 2 });
    try {
      const page = await browser.open(writeOut('seed-screenshot.html', await seedHtml()), { width: 1280, height: 720 });
      await page.click('.cell[aria-label^="default/helloworld-default to helloworld.default.svc.cluster.local:80:"]');
      await page.hover('.cell[aria-label^="foo/helloworld-foo to helloworld.default.svc.cluster.local:80:"]');
      expect(await page.isVisible('#tip')).toBe(true);
      const png = await page.screenshot();
      writeOut('seed.png', png);
      expect(png.readUInt32BE(16)).toBe(2560);
      expect(png.readUInt32BE(20)).toBe(1440);
      // Rewritten only when it changed, so that a run on the same fonts leaves the committed file alone.
      if (!existsSync(SCREENSHOT) || !readFileSync(SCREENSHOT).equals(png)) writeFileSync(SCREENSHOT, png);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
