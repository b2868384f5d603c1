// Everything the CLI needs from the outside world, so that tests can run it in-process.
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** Standard input as text; rejects (without buffering it all) when more than maxBytes arrive, or when it is not text. */
  readStdin(maxBytes: number): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  writeFile(path: string, text: string): void;
}

/** A usage, config or input problem: one line on stderr and exit 2. */
export class UsageError extends Error {}
