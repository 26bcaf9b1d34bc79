/**
 * Reads a boundary file (GeoJSON FeatureCollection, e.g. an OCHA COD-AB layer) into places, collecting row issues
 * instead of stopping at the first bad feature. Field names differ between COD-AB vintages and publishers
 * (`adm2_pcode`, `ADM2_PCODE`, `admin2Pcode`…), so unless the caller names them, the first known candidate present
 * in the file is used; the fields chosen are returned so the import report can say what was read.
 */
import { issue, type RowIssue } from '../core/issues.ts';
import { countryFromAny } from './countries.ts';
import { bboxOf, type PolygonalGeometry, type Ring } from './geometry.ts';
import type { Place } from './place.ts';

export interface BoundaryOptions {
  /** Admin level of every feature in the file (1 region, 2 cercle, 3 commune). */
  level: number;
  /** Versioned set name, e.g. "cod-ab-2017"; default "cod-ab". */
  set?: string;
  codeField?: string;
  nameField?: string;
  parentField?: string;
  /** Country of the whole file when its features do not say (ISO3, ISO2 or name). */
  country?: string;
}

export interface BoundaryResult {
  places: Place[];
  issues: RowIssue[];
  /** Property names used, null where none was found. */
  fields: { code: string | null; name: string | null; parent: string | null; country: string | null };
}

function candidates(level: number): { code: string[]; name: string[]; parent: string[]; country: string[] } {
  const n = level;
  const p = level - 1;
  return {
    code: [
      `adm${n}_pcode`,
      `ADM${n}_PCODE`,
      `admin${n}Pcode`,
      `ADM${n}_CODE`,
      `adm${n}_code`,
      'pcode',
      'PCODE',
    ],
    // French before English: Mali's and the Sahel's COD-AB names are French.
    name: [
      `adm${n}`,
      `adm${n}_fr`,
      `ADM${n}_FR`,
      `admin${n}Name_fr`,
      `adm${n}_name`,
      `ADM${n}_NAME`,
      `ADM${n}_EN`,
      `admin${n}Name_en`,
      `admin${n}Name`,
      'name',
      'NAME',
    ],
    parent: [
      `adm${p}_pcode`,
      `ADM${p}_PCODE`,
      `admin${p}Pcode`,
      `ADM${p}_CODE`,
      `adm${p}_code`,
      ...(p === 0 ? ['country_pcode', 'iso3', 'ISO3'] : []),
    ],
    country: [
      'iso3',
      'ISO3',
      'adm0_pcode',
      'ADM0_PCODE',
      'admin0Pcode',
      'country_pcode',
      'iso2',
      'ISO2',
      'country',
      'ADM0_FR',
      'ADM0_EN',
      'adm0_name',
    ],
  };
}

type Props = Record<string, unknown>;

function text(props: Props, field: string | null): string | null {
  if (field === null) return null;
  const v = props[field];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** First candidate carrying a value in any feature; an explicitly named field is used even if absent. */
function pickField(all: Props[], explicit: string | undefined, options: string[]): string | null {
  if (explicit !== undefined) return explicit;
  return options.find((f) => all.some((p) => text(p, f) !== null)) ?? null;
}

/** Why a geometry is unusable, or null when it is a valid lon/lat Polygon or MultiPolygon. */
function geometryProblem(
  g: unknown,
): { code: 'VALUE_INVALID' | 'COORDINATES_OUT_OF_RANGE'; reason: string } | null {
  if (typeof g !== 'object' || g === null) return { code: 'VALUE_INVALID', reason: 'not an object' };
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { code: 'VALUE_INVALID', reason: `geometry type ${String(type)}` };
  }
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0)
    return { code: 'VALUE_INVALID', reason: 'no coordinates' };
  for (const poly of polygons) {
    if (!Array.isArray(poly) || poly.length === 0)
      return { code: 'VALUE_INVALID', reason: 'polygon without rings' };
    for (const ring of poly) {
      if (!Array.isArray(ring) || ring.length < 4)
        return { code: 'VALUE_INVALID', reason: 'ring with < 4 positions' };
      for (const pos of ring) {
        if (!Array.isArray(pos) || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1])) {
          return { code: 'VALUE_INVALID', reason: 'position is not two numbers' };
        }
        // Projected coordinates (metres) are the usual cause: vigie reads WGS84 lon/lat only.
        if (Math.abs(pos[0] as number) > 180 || Math.abs(pos[1] as number) > 90) {
          return { code: 'COORDINATES_OUT_OF_RANGE', reason: 'not lon/lat degrees (projected CRS?)' };
        }
      }
    }
  }
  return null;
}

function polygonsOf(g: PolygonalGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

const LON_LAT_CRS = /CRS84$|EPSG:?:?4326$/i;

/** `input` is the file's text, or a document already parsed from JSON. */
export function parseBoundaries(input: unknown, options: BoundaryOptions): BoundaryResult {
  const issues: RowIssue[] = [];
  const empty = (): BoundaryResult => ({
    places: [],
    issues,
    fields: { code: null, name: null, parent: null, country: null },
  });

  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      issues.push(issue(0, null, 'JSON_INVALID', { message: (e as Error).message }));
      return empty();
    }
  }
  const obj = (typeof doc === 'object' && doc !== null ? doc : {}) as {
    type?: unknown;
    features?: unknown;
    crs?: unknown;
  };
  // A lone Feature is accepted as a collection of one.
  const features: unknown[] =
    obj.type === 'FeatureCollection' && Array.isArray(obj.features)
      ? obj.features
      : obj.type === 'Feature'
        ? [obj]
        : [];
  if (obj.type !== 'FeatureCollection' && obj.type !== 'Feature') {
    issues.push(issue(0, null, 'FORMAT_UNRECOGNISED', { expected: 'GeoJSON FeatureCollection' }));
    return empty();
  }
  if (features.length === 0) {
    issues.push(issue(0, null, 'FILE_EMPTY'));
    return empty();
  }
  const crsName = (obj.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof crsName === 'string' && !LON_LAT_CRS.test(crsName)) {
    issues.push(issue(0, 'crs', 'VALUE_INVALID', { value: crsName }));
    return empty();
  }

  const props: Props[] = features.map((f) => {
    const p = (f as { properties?: unknown } | null)?.properties;
    return typeof p === 'object' && p !== null ? (p as Props) : {};
  });
  const c = candidates(options.level);
  const fields = {
    code: pickField(props, options.codeField, c.code),
    name: pickField(props, options.nameField, c.name),
    parent: pickField(props, options.parentField, c.parent),
    country: pickField(props, undefined, c.country),
  };
  if (fields.code === null) {
    issues.push(issue(0, null, 'HEADER_MISSING_COLUMNS', { columns: c.code.join(' | ') }));
    return { places: [], issues, fields };
  }
  const fileCountry = options.country !== undefined ? countryFromAny(options.country) : null;
  if (options.country !== undefined && !fileCountry) {
    issues.push(issue(0, null, 'COUNTRY_UNKNOWN', { value: options.country }));
  }

  const set = options.set ?? 'cod-ab';
  const byCode = new Map<string, Place>();
  features.forEach((feature, i) => {
    const row = i + 1;
    const p = props[i]!;
    const code = text(p, fields.code);
    if (code === null) {
      issues.push(issue(row, fields.code, 'REQUIRED_VALUE_MISSING'));
      return;
    }
    const geometry = (feature as { geometry?: unknown } | null)?.geometry;
    if (geometry === null || geometry === undefined) {
      issues.push(issue(row, 'geometry', 'REQUIRED_VALUE_MISSING', { code }));
      return;
    }
    const problem = geometryProblem(geometry);
    if (problem) {
      issues.push(issue(row, 'geometry', problem.code, { code, reason: problem.reason }));
      return;
    }
    let name = text(p, fields.name);
    if (name === null) {
      issues.push(issue(row, fields.name, 'REQUIRED_VALUE_MISSING', { code }));
      name = code; // keep the unit: its polygon still places events, and the code is a usable label
    }
    const countryText = text(p, fields.country);
    const iso3 =
      (countryText !== null ? countryFromAny(countryText)?.iso3 : undefined) ?? fileCountry?.iso3 ?? null;
    const parentRaw = text(p, fields.parent);
    const parentCode = options.level === 1 ? (iso3 ?? parentRaw) : parentRaw;
    const geom = geometry as PolygonalGeometry;

    const prior = byCode.get(code);
    if (prior) {
      // COD-AB files sometimes split one unit over several features (islands); merge them into one MultiPolygon.
      if (prior.name !== name)
        issues.push(issue(row, fields.code, 'ID_CONFLICT', { code, name, other: prior.name }));
      const merged: PolygonalGeometry = {
        type: 'MultiPolygon',
        coordinates: [...polygonsOf(prior.geometry), ...polygonsOf(geom)],
      };
      prior.geometry = merged;
      prior.bbox = bboxOf(merged);
      return;
    }
    byCode.set(code, {
      code,
      name,
      level: options.level,
      parentCode,
      iso3,
      set,
      geometry: geom,
      bbox: bboxOf(geom),
    });
  });
  return { places: [...byCode.values()], issues, fields };
}
