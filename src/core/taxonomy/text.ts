/**
 * Label normalisation shared by the taxonomy crosswalks. Source files spell the same label with different case,
 * doubled spaces, non-breaking spaces or spaces around "-" and "/" ("Battle - No change of territory"); comparing
 * normalised keys lets one table serve every export layout.
 */

/** Lower-cased, NFKC-folded, single-spaced key, with no spaces around "-" or "/". Empty input gives "". */
export function labelKey(raw: string | null | undefined): string {
  if (raw == null) return '';
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?([-/]) ?/g, '$1')
    .trim();
}

/** Trimmed, single-spaced text, or null when nothing is left (empty cells in CSV exports). */
export function cleanText(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
