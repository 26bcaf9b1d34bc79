import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/**
 * Writes small .xlsx files for tests and the hostile corpus: just the parts a reader needs, in the shapes real
 * writers produce (shared or inline strings, numbers, booleans, date-styled numbers, omitted empty cells).
 */

export type BuildCell = string | number | boolean | { date: number } | null;

export interface BuildSheet {
  name: string;
  rows: BuildCell[][];
  /** Write strings inline (openpyxl, ACLED's HDX files) instead of in the shared-string table (Excel). */
  inlineStrings?: boolean;
  /** Namespace prefix on sheet elements, as the .NET Open XML SDK writes ("x"). */
  prefix?: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sheetXml(sheet: BuildSheet, shared: string[]): string {
  const p = sheet.prefix === undefined ? '' : `${sheet.prefix}:`;
  const ns = sheet.prefix === undefined ? `xmlns="${MAIN}"` : `xmlns:${sheet.prefix}="${MAIN}"`;
  const rows = sheet.rows.map((cells, r) => {
    const xml = cells.map((cell, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      if (cell === null) return '';
      if (typeof cell === 'number') return `<${p}c r="${ref}"><${p}v>${cell}</${p}v></${p}c>`;
      if (typeof cell === 'boolean') return `<${p}c r="${ref}" t="b"><${p}v>${cell ? 1 : 0}</${p}v></${p}c>`;
      if (typeof cell === 'object') return `<${p}c r="${ref}" s="1"><${p}v>${cell.date}</${p}v></${p}c>`;
      if (sheet.inlineStrings === true) {
        return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(cell)}</${p}t></${p}is></${p}c>`;
      }
      shared.push(cell);
      return `<${p}c r="${ref}" t="s"><${p}v>${shared.length - 1}</${p}v></${p}c>`;
    });
    return `<${p}row r="${r + 1}">${xml.join('')}</${p}row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}><${p}sheetData>${rows.join('')}</${p}sheetData></${p}worksheet>`;
}

/** The bytes of an .xlsx holding `sheets` in order. */
export function buildXlsx(sheets: BuildSheet[]): Uint8Array {
  const shared: string[] = [];
  const files: Zippable = {};
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, shared));
  });
  const sheetList = sheets.map(
    (s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList.join('')}</sheets></workbook>`,
  );
  const rels = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`,
  );
  files['_rels/.rels'] = strToU8(
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const items = shared.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
  files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${MAIN}" count="${shared.length}">${items}</sst>`);
  // Style 1 shows a date (built-in format 14), as Excel does for a cell typed as a date.
  files['xl/styles.xml'] = strToU8(
    `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  files['[Content_Types].xml'] = strToU8(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  return zipSync(files);
}
