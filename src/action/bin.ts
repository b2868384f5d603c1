#!/usr/bin/env node
// The action's executable: the one place of the action that touches `process`.
import { escapeData } from '../formatters/github.js';
import { runAction } from './main.js';

try {
  process.exitCode = await runAction({
    env: process.env,
    cwd: process.cwd(),
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
  });
} catch (err) {
  process.stdout.write(`::error title=istio-lint::${escapeData(`internal error: ${err instanceof Error ? err.message : String(err)}`)}\n`);
  process.exitCode = 1;
}
