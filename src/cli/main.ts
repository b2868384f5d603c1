// Dispatches the first argument to a command; turns usage errors into one line and exit 2.
import { UsageError, type Io } from './io.js';
import { runLint } from './lint.js';

type Command = (argv: readonly string[], io: Io) => Promise<number> | number;

// Commands load lazily so that a plain lint run does not pay for the report code at start-up.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  lint: async () => runLint,
  rules: async () => (await import('./rules.js')).runRules,
  explain: async () => (await import('./rules.js')).runExplain,
  report: async () => (await import('./report.js')).runReport,
  diff: async () => (await import('./diff.js')).runDiff,
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  const load = first !== undefined ? COMMANDS[first] : undefined;
  const debug = argv.includes('--debug');
  try {
    if (load) return await (await load())(rest, io);
    return await runLint(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`istio-lint: ${err.message}\n`);
      return 2;
    }
    const msg = err instanceof Error ? err.message : String(err);
    io.stderr(`istio-lint: internal error: ${msg}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
    return 2;
  }
}
