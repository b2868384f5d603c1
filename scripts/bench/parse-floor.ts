// The parse floor: read every file of a folder and js-yaml loadAll it. Nothing istio-lint does can be cheaper.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';

const dir = process.argv[2]!;
let documents = 0;
for (const name of readdirSync(dir).sort()) {
  loadAll(readFileSync(join(dir, name), 'utf8'), () => void documents++);
}
process.stdout.write(`${documents}\n`);
