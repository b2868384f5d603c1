// Parses many files, using a second core when there is enough text: a worker thread runs the fast path over about
// half of the bytes while this thread parses the rest; its results (plain values) are handed to parseYaml, so
// every file still goes through parseSource, in input order, and gives what a one-thread run gives.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { provideFastDocuments, withoutBom, type FastDocuments } from './fast-parse.js';
import { parseSource, type ParseOptions, type ParsedFile } from './parse.js';

export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** Below this much text a worker costs more (start-up, loading the parser) than it saves. */
export const PARALLEL_MIN_BYTES = 1 << 20;

// Run from dist/ only: under the tests (src/*.ts) there is no compiled worker, and one thread does it all.
const WORKER = new URL('./parse-worker.js', import.meta.url);
const workerAvailable = (): boolean => WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));

/** Fast-path results for `texts`, from a worker thread; undefined if the worker fails (then this thread parses). */
function parseInWorker(texts: readonly string[]): Promise<(FastDocuments | undefined)[] | undefined> {
  return new Promise((done) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { workerData: texts });
    } catch {
      return done(undefined);
    }
    worker.once('message', (results: (FastDocuments | undefined)[]) => {
      done(results.length === texts.length ? results : undefined);
      void worker.terminate();
    });
    worker.once('error', () => done(undefined));
    worker.once('exit', () => done(undefined));
  });
}

/** parseSource for each file, in order; the same result as `files.map(parseSource)`, sooner on big inputs. */
export async function parseSources(files: readonly TextFile[], options: ParseOptions): Promise<ParsedFile[]> {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  if (total < PARALLEL_MIN_BYTES || availableParallelism() < 2 || !workerAvailable()) return files.map((f) => parseSource(f.path, f.text, options));
  // The worker takes the tail (about half the text); this thread also builds every manifest list, so it keeps more.
  let split = files.length;
  for (let bytes = 0; split > 0 && bytes + files[split - 1]!.text.length <= total * 0.5; ) bytes += files[--split]!.text.length;
  const ahead = parseInWorker(files.slice(split).map((f) => f.text));
  const parsed = files.slice(0, split).map((f) => parseSource(f.path, f.text, options));
  const results = await ahead;
  files.slice(split).forEach((f, i) => {
    if (results) provideFastDocuments(f.path, withoutBom(f.text), results[i]);
    parsed.push(parseSource(f.path, f.text, options));
  });
  return parsed;
}
