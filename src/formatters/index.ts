// Lint formatter names → formatters. Each line here is one `--format` value.
import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish,
  json,
};
