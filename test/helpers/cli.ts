// Runs the CLI in-process against a folder, capturing what a user would see.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly files: Record<string, string>;
}

export const ROOT = resolve(__dirname, '../..');

export async function runCli(argv: string[], opts: { cwd?: string; stdin?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const files: Record<string, string> = {};
  const code = await main(argv, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? {},
    stdoutIsTTY: opts.tty ?? false,
    readStdin: async () => {
      if (opts.stdin === undefined) throw new Error('stdin is closed');
      return opts.stdin;
    },
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    writeFile: (p, t) => {
      files[p] = t;
    },
  });
  return { code, stdout, stderr, files };
}

/** A temporary folder holding the given files (path → content). */
export function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'istio-lint-'));
  for (const [p, text] of Object.entries(files)) {
    const abs = join(dir, p);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}
