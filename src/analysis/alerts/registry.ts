/** Every alert rule vigie evaluates and scans, in the order reports list them. */
import { EARS_RULES } from './ears.ts';
import { NB_CUSUM_RULE, NB_SURPRISE_RULE } from './nb-rules.ts';
import type { AlertRule } from './rule.ts';
import { SURGE_RULE, THRESHOLD_RULE } from './simple-rules.ts';

export const ALERT_RULES: readonly AlertRule[] = [
  NB_CUSUM_RULE,
  NB_SURPRISE_RULE,
  ...EARS_RULES,
  SURGE_RULE,
  THRESHOLD_RULE,
];
