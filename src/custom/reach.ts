// A reach custom rule: every (from, to) pair it selects in the reachability report must have an allowed verdict.
import type { Rule, RuleMeta } from '../rule.js';
import { RuleDataError, type CustomRuleSpec } from './types.js';

// TEMPORARY until src/reach/report.ts (buildReachReport) lands.
export function compileReach(_spec: CustomRuleSpec, _meta: RuleMeta): Rule {
  throw new RuleDataError(['reach'], 'reach rules need the reachability engine, which is not built yet');
}
