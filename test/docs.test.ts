// The generated rule docs and README table are committed; this fails when they drift from the rules' metadata.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeWithRules, ruleDocs } from '../src/cli/rule-docs.js';
import { BUILTIN_RULES } from '../src/registry.js';
import { ROOT, runCli } from './helpers/cli.js';

const HINT = 'run `npm run docs` and commit the result';

describe('generated docs', () => {
  const docs = ruleDocs(BUILTIN_RULES);

  it('has exactly one page per built-in rule under docs/rules', () => {
    const dir = join(ROOT, 'docs/rules');
    const onDisk = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => `docs/rules/${f}`).sort() : [];
    expect(onDisk, HINT).toEqual([...docs.keys()].sort());
  });

  it('every page equals what the metadata and the example output give', () => {
    const stale = [...docs].filter(([path, text]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), 'utf8') !== text).map(([p]) => p);
    expect(stale, HINT).toEqual([]);
  });

  it('the README rules table is current', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readmeWithRules(readme, BUILTIN_RULES) === readme, HINT).toBe(true);
  });

  it('a page shows the real output of its example', () => {
    const page = docs.get('docs/rules/egress-host-format.md')!;
    expect(page).toContain('`istio-lint example.yaml` reports:');
    expect(page).toMatch(/example\.yaml\n {2}\d+:\d+ {2}error {2}host "foo\/helloworld": short name "helloworld" is rejected.* {2}egress-host-format\n/);
    expect(page).toContain('[IST0106](https://istio.io/latest/docs/reference/config/analysis/ist0106/)');
  });

  it('`istio-lint explain ID` prints the same page as docs/rules/ID.md', async () => {
    const r = await runCli(['explain', 'selector-no-match', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(docs.get('docs/rules/selector-no-match.md'));
  });
});
