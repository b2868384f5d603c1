// The seed example (fixtures/seed) as rule-tester `files`, for "the seed stays silent" cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export function seedFiles(): Record<string, string> {
  return Object.fromEntries(
    ['namespace', 'service', 'deployment', 'sidecar'].map((n) => {
      const path = `fixtures/seed/${n}.yaml`;
      return [path, readFileSync(join(ROOT, path), 'utf8')];
    }),
  );
}
