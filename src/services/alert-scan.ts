import { pcodeForNeAdmin1 } from '../geo/mali-crosswalk.ts';
import type { AlertScanResponse } from './alert-rules.ts';
import type { RuleFiring } from './alerts-input.ts';

/**
 * Turns one month's rule firings into alert requests: one per unit, whichever rules fired for it, with a key
 * stable across scans (month × outcome × unit), so scanning again never makes a second alert. Severity grows
 * with the evidence: critical at the 25-death level of the escalation definition, high when three or more rules
 * agree, medium otherwise. Units are admin-1 (Natural Earth codes, mapped to OCHA P-codes) or admin-2 P-codes.
 */
export function firingsOfScan(scan: AlertScanResponse): RuleFiring[] {
  const byUnit = new Map<string, { name: string; count: number; rules: string[] }>();
  for (const rule of scan.rules) {
    for (const f of rule.firing) {
      const unit = byUnit.get(f.code) ?? { name: f.name, count: f.count, rules: [] };
      unit.rules.push(rule.rule);
      byUnit.set(f.code, unit);
    }
  }
  const firings: RuleFiring[] = [];
  for (const [code, unit] of byUnit) {
    const pcode = scan.unit === 'admin1' ? pcodeForNeAdmin1(code) : scan.unit === 'admin2' ? code : null;
    if (pcode === null) continue; // PRIO-GRID cells have no area code an alert can carry
    firings.push({
      key: `${scan.month}:${scan.outcome}:${scan.unit}:${code}`,
      rule: unit.rules.join('+'),
      pcode,
      areaName: unit.name,
      severity: unit.count >= 25 ? 'critical' : unit.rules.length >= 3 ? 'high' : 'medium',
      summary: `${unit.count} (${scan.outcome}) in ${scan.month}: ${unit.rules.join(', ')}`,
    });
  }
  return firings.sort((a, b) => a.key.localeCompare(b.key));
}
