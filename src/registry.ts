// The built-in rules, listed explicitly so that the engine can be tested with any subset.
import type { Rule } from './rule.js';
import duplicateKey from '../rules/duplicate-key.js';
import notAResource from '../rules/not-a-resource.js';
import parseError from '../rules/parse-error.js';
import readError from '../rules/read-error.js';
import schema from '../rules/schema.js';
import unusedSuppression from '../rules/unused-suppression.js';

export const BUILTIN_RULES: readonly Rule[] = [
  duplicateKey,
  notAResource,
  parseError,
  readError,
  schema,
  unusedSuppression,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
