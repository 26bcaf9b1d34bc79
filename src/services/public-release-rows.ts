import type { PerpetratorCategory } from '../core/event.ts';
import type { CountedIncident } from './ports/incident-port.ts';
import type { PublicReleaseRow } from './ports/public-release-port.ts';

/**
 * Which verified incidents enter the public release, and as which rows (one per harm × perpetrator category):
 * - an incident any of whose individual victims did not consent to public, anonymised use is left out whole;
 * - CRSV incidents and CRSV harms are left out: by admin-2 and month they expose survivors even at k = 5;
 * - incidents dated only to the year have no honest month and are left out;
 * - victims are the incident's counts for that harm, non-civilians excluded.
 */
export function publicReleaseRows(incidents: readonly CountedIncident[]): PublicReleaseRow[] {
  const rows: PublicReleaseRow[] = [];
  for (const i of incidents) {
    if (i.restrictedConsent || i.crsv || i.datePrecision === 'year') continue;
    const perpetrators = [...new Set<PerpetratorCategory>(i.perpetrators.map((p) => p.category))];
    if (perpetrators.length === 0) perpetrators.push('unidentified');
    for (const harm of i.harmTypes) {
      if (harm === 'crsv') continue;
      const counts = i.victimCounts.filter((c) => c.harm === harm && c.status !== 'non_civilian');
      const victims = counts.reduce((s, c) => s + c.count, 0);
      for (const perpetrator of perpetrators) {
        rows.push({
          incidentId: i.id,
          admin1Pcode: i.admin1Pcode,
          admin2Pcode: i.admin2Pcode,
          month: i.dateFrom.slice(0, 7),
          harm,
          perpetrator,
          victims,
          killed: harm === 'killing' ? victims : 0,
          injured: harm === 'injury' ? victims : 0,
        });
      }
    }
  }
  return rows;
}
