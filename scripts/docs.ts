// `npm run docs`: writes docs/rules/<id>.md for every built-in rule and the rules table of README.md.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readmeWithRules, ruleDocs } from '../src/cli/rule-docs.js';
import { packageRoot } from '../src/paths.js';
import { BUILTIN_RULES } from '../src/registry.js';

const root = packageRoot();
const docs = ruleDocs(BUILTIN_RULES);
const dir = join(root, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
// Pages of rules that no longer exist would otherwise linger.
for (const f of readdirSync(dir)) if (f.endsWith('.md') && !docs.has(`docs/rules/${f}`)) rmSync(join(dir, f));
for (const [path, text] of docs) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, readmeWithRules(readFileSync(readmePath, 'utf8'), BUILTIN_RULES));
process.stdout.write(`wrote ${docs.size} rule pages to docs/rules and the rules table of README.md\n`);
