// Parses many files, using a second core when there is enough text: a worker thread reads about half of the bytes
// (fast path and schema validation) while this thread parses the rest; its results (plain values) are handed to
// parseYaml and validateManifest, so every file still goes through parseSource, in input order, and gives what a
// one-thread run gives.
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { provideFastDocuments, withoutBom } from '../loader/fast-parse.js';
import { parseSource, type ParseOptions, type ParsedFile } from '../loader/parse.js';
import { provideValidation, validateManifest } from '../schema.js';
import { KIND, type WorkerInput, type WorkerResult } from './parse-worker.js';

export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** Below this much text a worker costs more (start-up, loading the parser) than it saves. */
export const PARALLEL_MIN_BYTES = 1 << 20;

// Run from dist/ only: under the tests (src/*.ts) there is no compiled worker, and one thread does it all.
const WORKER = new URL('./parse-worker.js', import.meta.url);
const workerAvailable = (): boolean => WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));

/**
 * Whether a second thread would get a core of its own. On a machine whose cores are all busy, a worker only adds
 * its start-up, a second parser warming up, and copying the values back: one thread is faster there.
 */
function coreFree(): boolean {
  const cores = availableParallelism();
  return cores >= 2 && loadavg()[0]! < cores;
}

/** The worker's results for `input`; undefined if the worker fails (then this thread does it all). */
function parseInWorker(input: WorkerInput): Promise<WorkerResult[] | undefined> {
  return new Promise((done) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { workerData: input });
    } catch {
      return done(undefined);
    }
    worker.once('message', (results: WorkerResult[]) => {
      done(results.length === input.files.length ? results : undefined);
      void worker.terminate();
    });
    worker.once('error', () => done(undefined));
    worker.once('exit', () => done(undefined));
  });
}

/**
 * ISTIO_LINT_WORKERS: "0" never starts a worker thread, "1" does whenever the input is big enough; unset, a worker
 * starts when a core is free. (In a container the load average can be the host's, hence the override.)
 */
export type WorkerPolicy = 'auto' | 'never' | 'always';
export const workerPolicyOf = (env: string | undefined): WorkerPolicy => (env === '0' ? 'never' : env === '1' ? 'always' : 'auto');

/** parseSource for each file, in order; the same result as `files.map(parseSource)`, sooner on big inputs. */
export async function parseSources(files: readonly TextFile[], options: ParseOptions, policy: WorkerPolicy = 'auto'): Promise<ParsedFile[]> {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const useWorker = policy === 'always' || (policy === 'auto' && coreFree());
  if (total < PARALLEL_MIN_BYTES || !useWorker || !workerAvailable()) return files.map((f) => parseSource(f.path, f.text, options));
  // The worker takes the tail (about half the text); this thread also builds every manifest list, so it keeps more.
  let split = files.length;
  for (let bytes = 0; split > 0 && bytes + files[split - 1]!.text.length <= total * 0.5; ) bytes += files[--split]!.text.length;
  const ahead = parseInWorker({ kind: KIND, files: files.slice(split), options });
  const parsed = files.slice(0, split).map((f) => parseSource(f.path, f.text, options));
  // Validated now, while the worker still reads; lint would validate them later anyway (rule schema).
  for (const f of parsed) for (const m of f.manifests) provideValidation(m.value, validateManifest(m));
  const results = await ahead;
  files.slice(split).forEach((f, i) => {
    const r = results?.[i];
    if (r) provideFastDocuments(f.path, withoutBom(f.text), r.fast);
    const file = parseSource(f.path, f.text, options);
    if (r?.violations?.length === file.manifests.length) file.manifests.forEach((m, j) => provideValidation(m.value, r.violations![j]!));
    parsed.push(file);
  });
  return parsed;
}
