// The full linter over every folder of ../shared/corpus (real manifests nobody here wrote), one run per folder,
// compared with a reviewed, human-readable list of findings: test/corpus-findings.txt.
// After a deliberate change, regenerate with `npx vitest run test/corpus.test.ts -u` and review the diff.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from './helpers/cli.js';
import type { JsonFinding } from '../src/formatters/json.js';

const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
const folders = present ? readdirSync(CORPUS).filter((f) => statSync(join(CORPUS, f)).isDirectory()).sort() : [];


const runs = new Map<string, CliRun>();

/** One section per folder: `file:line:col severity rule-id message`, sorted as the linter sorts. */
function section(folder: string, run: CliRun): string {
  let findings: JsonFinding[] = [];
  try {
    findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  } catch {
    return `## ${folder} (exit ${run.code})\n<no JSON output>\n`;
  }
  const lines = findings.map((f) => {
    const file = f.file.startsWith(`${folder}/`) ? f.file.slice(folder.length + 1) : f.file;
    return `${file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message.replace(/\n/g, '\\n')}`;
  });
  return `## ${folder} (exit ${run.code}, ${findings.length} finding${findings.length === 1 ? '' : 's'})\n${lines.map((l) => `${l}\n`).join('')}`;
}

describe.skipIf(!present)('corpus snapshot', () => {
  beforeAll(async () => {
    // Relative paths keep the snapshot free of machine-specific directories.
    for (const folder of folders) runs.set(folder, await runCli([folder, '--format', 'json'], { cwd: CORPUS }));
  }, 300_000);

  it.each(folders)('%s: no usage/input error (exit 2) and no internal error', (folder) => {
    const run = runs.get(folder)!;
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code, run.stderr).not.toBe(2);
  });

  it('findings equal the reviewed snapshot test/corpus-findings.txt', async () => {
    const header =
      '# istio-lint over ../shared/corpus, one run per folder (`istio-lint <folder> --format json`, cwd = corpus).\n' +
      '# Each line: file:line:column severity rule-id message. Regenerate: npx vitest run test/corpus.test.ts -u, then review the diff.\n';
    const body = folders.map((f) => section(f, runs.get(f)!)).join('\n');
    await expect(`${header}\n${body}`).toMatchFileSnapshot(join(ROOT, 'test', 'corpus-findings.txt'));
  });
});

if (!present) {
  describe('corpus snapshot', () => {
    it.skip(`skipped: ${CORPUS} not found (the corpus lives in shared/ beside the repository)`, () => {});
  });
}
