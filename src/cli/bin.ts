#!/usr/bin/env node
// The executable: the only place that touches `process`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decode, formatSize } from '../loader/read.js';
import { main } from './main.js';

/** Reads stdin up to one byte past the bound (so that "too large" can still be told), then decodes it strictly. */
async function readStdin(max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buf = chunk as Buffer;
    chunks.push(buf.subarray(0, Math.max(0, max + 1 - total)));
    total += buf.length;
    if (total > max) {
      process.stdin.destroy();
      break;
    }
  }
  if (total > max) throw new Error(`more than --max-file-size ${formatSize(max)} arrived (raise the limit to lint it)`);
  const result = decode(Buffer.concat(chunks), max);
  if (result.ok) return result.text;
  const where = result.at ? ` (line ${result.at.line}, column ${result.at.column})` : '';
  throw new Error(result.message.replace(/^skipped: /, '').replace(/; save the file as UTF-8$/, '') + where);
}

// `istio-lint … | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') process.stderr.write(`istio-lint: cannot write the output: ${err.message}\n`);
  process.exit(err.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
});

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  readStdin,
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  writeFile: (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  },
});
process.exitCode = code;
