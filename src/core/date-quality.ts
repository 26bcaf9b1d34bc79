/**
 * How sure a base's closure date is. Compilations write it as prose ("reported (conflicting: 21 or 23 Oct)");
 * vigie keeps a code so maps and rankings can treat doubtful dates alike, and keeps the prose in the notes.
 */
export const DATE_QUALITIES = [
  'reported', // stated by a source
  'reported_conflicting', // stated, but sources disagree
  'reported_single_source', // stated by one outlet, not cross-checked
  'inferred', // derived, e.g. from a weekday in a dated article
  'approximate',
  'not_found', // searched for, not found
  'not_researched', // e.g. earlier deployments, closed before the period studied
] as const;
export type DateQuality = (typeof DATE_QUALITIES)[number];

/** The code a free-text date quality stands for, or null when the text says nothing recognisable. */
export function dateQualityCode(text: string | null): DateQuality | null {
  if (text === null) return null;
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  const exact = DATE_QUALITIES.find((q) => q === t.replace(/[ -]/g, '_'));
  if (exact) return exact;
  if (t.includes('not researched')) return 'not_researched';
  if (t.startsWith('not found')) return 'not_found';
  if (t.startsWith('approx')) return 'approximate';
  if (t.startsWith('inferred')) return 'inferred';
  if (t.startsWith('reported')) {
    if (t.includes('conflict')) return 'reported_conflicting';
    if (t.includes('one outlet') || t.includes('single source')) return 'reported_single_source';
    return 'reported';
  }
  return null;
}
