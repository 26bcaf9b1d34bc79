import { VigieError } from '../core/errors.ts';
import { PERPETRATOR_CATEGORIES, type PerpetratorCategory } from '../core/event.ts';
import { INCIDENT_HARM_TYPES, type IncidentHarmType } from '../core/incident.ts';

/**
 * The redacted public release of verified incidents (DESIGN §8, issue 4 point 7): counts by admin-2 × month ×
 * harm type × perpetrator category, with small cells suppressed. A pure function over rows: whatever the store
 * hands in, only closed-vocabulary codes, validated P-codes, months and counts come out.
 *
 * Choices, safest by default:
 * - **A cell is published only when it has at least k distinct incidents and its victim count is 0 or at least
 *   k**, so no published number stands for fewer than k events or people.
 * - **Suppressed cells are dropped entirely**, key included. Showing the key with a "<k" marker is common
 *   practice for admin-2 tables, but the key alone still says "something happened in cercle X in March, done by
 *   category Y" — for a village-sized cercle and a rare harm such as abduction that is enough to point at a
 *   family or at whoever spoke to monitors. Only the number of suppressed cells is given.
 * - **No margins** (no totals by place, month, harm or perpetrator, no grand total), so no published total
 *   minus published cells can recover a suppressed cell (differencing within one release); this avoids the need
 *   for complementary suppression. Cells overlap anyway (an incident counts in each of its harm × perpetrator
 *   cells), so they never add up to a total and must not be summed.
 * - **Monotone in k**: the published cells for k' > k are a subset of those for k, with the same numbers, so
 *   asking the same data at several k reveals nothing beyond the smallest k asked.
 * - **Locations**: admin-2 P-code; without a valid one, the incident is coarsened to its admin-1 (admin2 null);
 *   without either it is dropped. Any code that is not shaped like a P-code is treated as unknown, because the
 *   place of an incident is typed by a monitor and could hold a village or a person's name.
 * - Counts in the notes follow the same rule: exact when 0 or ≥ k, otherwise null ("fewer than k").
 */

export const PUBLIC_RELEASE_DEFAULT_K = 5;
export const PUBLIC_RELEASE_MIN_K = 3;
export const PUBLIC_RELEASE_MAX_K = 1000;

/** One verified incident × one of its harm types × one of its perpetrator categories (see the port). */
export interface PublicReleaseRow {
  incidentId: string;
  admin1Pcode: string | null;
  admin2Pcode: string | null;
  month: string; // YYYY-MM
  harm: IncidentHarmType;
  perpetrator: PerpetratorCategory;
  victims: number;
  /**
   * Read but not published: the harm dimension already carries killing and injury, and a sub-count under a
   * cell (1 killed among 6 victims) would be a number below k.
   */
  killed: number;
  injured: number;
}

export interface PublicCell {
  admin1Pcode: string | null;
  /** Null when the incidents of the cell are known only to admin-1. */
  admin2Pcode: string | null;
  month: string;
  harm: IncidentHarmType;
  perpetrator: PerpetratorCategory;
  incidents: number;
  victims: number;
}

/** A count given only when 0 or ≥ k; null means between 1 and k − 1, withheld. */
export type SafeCount = number | null;

export const PUBLIC_NOTE_CODES = [
  'cells_overlap', // an incident with several harm types or perpetrators counts in each of its cells
  'small_cells_dropped', // cells under k incidents, or with 1 … k−1 victims, are left out with their key
  'no_margins', // no totals are published: cells must not be summed
  'admin2_or_admin1', // places are admin-2 P-codes, or admin-1 when admin-2 is unknown; nothing finer
] as const;
export type PublicNoteCode = (typeof PUBLIC_NOTE_CODES)[number];

export interface PublicReleaseNotes {
  k: number;
  codes: readonly PublicNoteCode[];
  /** How many non-empty cells were left out (their keys and counts are not given). */
  suppressedCells: number;
  /** Distinct incidents placed at admin-1 because their admin-2 was unknown or not a P-code. */
  coarsenedToAdmin1: SafeCount;
  /** Distinct incidents left out because neither admin-2 nor admin-1 is known. */
  droppedWithoutLocation: SafeCount;
  /** Distinct incidents with a row outside the vocabularies (month, harm, perpetrator, counts), left out. */
  droppedInvalid: SafeCount;
}

export interface PublicRelease {
  cells: PublicCell[];
  notes: PublicReleaseNotes;
}

const PCODE = /^[A-Z]{2}[0-9]{1,12}$/;
const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const HARMS: ReadonlySet<string> = new Set(INCIDENT_HARM_TYPES);
const PERPETRATORS: ReadonlySet<string> = new Set(PERPETRATOR_CATEGORIES);

/** Throws VALIDATION_FAILED unless k is an integer in [PUBLIC_RELEASE_MIN_K, PUBLIC_RELEASE_MAX_K]. */
export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < PUBLIC_RELEASE_MIN_K || k > PUBLIC_RELEASE_MAX_K)
    throw new VigieError('VALIDATION_FAILED', {
      k,
      min: PUBLIC_RELEASE_MIN_K,
      max: PUBLIC_RELEASE_MAX_K,
      reason: `k must be an integer from ${PUBLIC_RELEASE_MIN_K} to ${PUBLIC_RELEASE_MAX_K}`,
    });
}

export function isPcode(value: unknown): value is string {
  return typeof value === 'string' && PCODE.test(value);
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function validRow(r: PublicReleaseRow): boolean {
  return (
    typeof r.month === 'string' &&
    MONTH.test(r.month) &&
    HARMS.has(r.harm) &&
    PERPETRATORS.has(r.perpetrator) &&
    isCount(r.victims)
  );
}

interface Bucket {
  cell: Omit<PublicCell, 'incidents' | 'victims'>;
  /** Victims per incident; a duplicate row of the same incident in the same cell keeps the larger count. */
  victims: Map<string, number>;
}

export function publicReleaseCells(
  rows: Iterable<PublicReleaseRow>,
  k = PUBLIC_RELEASE_DEFAULT_K,
): PublicRelease {
  checkK(k);
  const buckets = new Map<string, Bucket>();
  const coarsened = new Set<string>();
  const withoutLocation = new Set<string>();
  const invalid = new Set<string>();
  let rowNumber = 0;
  for (const r of rows) {
    rowNumber++;
    const hasId = typeof r.incidentId === 'string' && r.incidentId !== '';
    // Without an id a row cannot be counted as a distinct incident: it is left out, as one incident of its own.
    const id = hasId ? r.incidentId : `\u0000row ${rowNumber}`;
    if (!hasId || !validRow(r)) {
      invalid.add(id);
      continue;
    }
    const admin2 = isPcode(r.admin2Pcode) ? r.admin2Pcode : null;
    const admin1 = isPcode(r.admin1Pcode) ? r.admin1Pcode : null;
    if (admin2 === null && admin1 === null) {
      withoutLocation.add(id);
      continue;
    }
    if (admin2 === null) coarsened.add(id);
    const key = [admin1 ?? '', admin2 ?? '', r.month, r.harm, r.perpetrator].join('\u0000');
    let bucket = buckets.get(key);
    if (!bucket) {
      const cell = {
        admin1Pcode: admin1,
        admin2Pcode: admin2,
        month: r.month,
        harm: r.harm,
        perpetrator: r.perpetrator,
      };
      bucket = { cell, victims: new Map() };
      buckets.set(key, bucket);
    }
    bucket.victims.set(id, Math.max(bucket.victims.get(id) ?? 0, r.victims));
  }

  const cells: PublicCell[] = [];
  let suppressedCells = 0;
  for (const { cell, victims } of buckets.values()) {
    const incidents = victims.size;
    let total = 0;
    for (const v of victims.values()) total += v;
    if (publishable(incidents, total, k)) cells.push({ ...cell, incidents, victims: total });
    else suppressedCells++;
  }
  cells.sort(compareCells);
  const safe = (n: number): SafeCount => (n === 0 || n >= k ? n : null);
  return {
    cells,
    notes: {
      k,
      codes: PUBLIC_NOTE_CODES,
      suppressedCells,
      coarsenedToAdmin1: safe(coarsened.size),
      droppedWithoutLocation: safe(withoutLocation.size),
      droppedInvalid: safe(invalid.size),
    },
  };
}

/** The suppression rule: at least k incidents, and no victim count between 1 and k − 1. */
export function publishable(incidents: number, victims: number, k: number): boolean {
  return incidents >= k && (victims === 0 || victims >= k);
}

const HARM_ORDER = new Map<string, number>(INCIDENT_HARM_TYPES.map((h, i) => [h, i]));
const PERPETRATOR_ORDER = new Map<string, number>(PERPETRATOR_CATEGORIES.map((p, i) => [p, i]));

/** A fixed order by key, so the order of rows in the store (e.g. by incident id) never shows through. */
function compareCells(a: PublicCell, b: PublicCell): number {
  const text = (x: string | null, y: string | null) => (x ?? '').localeCompare(y ?? '', 'en');
  return (
    text(a.admin1Pcode, b.admin1Pcode) ||
    text(a.admin2Pcode, b.admin2Pcode) ||
    text(a.month, b.month) ||
    (HARM_ORDER.get(a.harm) ?? 0) - (HARM_ORDER.get(b.harm) ?? 0) ||
    (PERPETRATOR_ORDER.get(a.perpetrator) ?? 0) - (PERPETRATOR_ORDER.get(b.perpetrator) ?? 0)
  );
}
