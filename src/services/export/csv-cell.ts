/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR before them) as a formula; a crafted
 * actor name or note could then exfiltrate data from the analyst's machine. Text cells are prefixed with a
 * quote (OWASP's advice); numbers are written as numbers and need no guard.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV cell: text neutralised and quoted when needed (RFC 4180), numbers and empty values as they are. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
