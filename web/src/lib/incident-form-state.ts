import type { Draft } from './api-types.ts';
import type { FieldIssue, IncidentInput, VictimInput } from './incident-types.ts';

/** The incident form as the inputs hold it (text), and its conversion to the API's JSON (docs/INCIDENTS.md). */
export interface PerpetratorRow {
  key: string;
  category: string;
  name: string;
}
export interface SourceRow {
  key: string;
  kind: string;
  reliability: string;
  credibility: string;
  description: string;
}
export interface CountRow {
  key: string;
  harm: string;
  sex: string;
  age: string;
  status: string;
  count: string;
}
export interface VictimRow {
  key: string;
  name: string;
  contact: string;
  address: string;
  testimony: string;
  sex: string;
  age: string;
  status: string;
  harms: string[];
  consent: string;
  consentPartner: string;
}
export interface IncidentFormState {
  clientId: string;
  dateFrom: string;
  dateTo: string;
  datePrecision: string;
  latitude: string;
  longitude: string;
  pcode: string;
  locationName: string;
  placePrecision: string;
  harmTypes: string[];
  narrative: string;
  perpetrators: PerpetratorRow[];
  sources: SourceRow[];
  retaliation: boolean;
  unCooperationKind: string;
  crsv: boolean;
  childVictims: boolean;
  victimCounts: CountRow[];
  victims: VictimRow[];
}

/** A random UUID; crypto.randomUUID exists only in secure contexts (a LAN address over http is not one). */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function emptyForm(): IncidentFormState {
  return {
    clientId: newId(),
    dateFrom: '',
    dateTo: '',
    datePrecision: 'day',
    latitude: '',
    longitude: '',
    pcode: '',
    locationName: '',
    placePrecision: 'exact',
    harmTypes: [],
    narrative: '',
    perpetrators: [],
    sources: [],
    retaliation: false,
    unCooperationKind: '',
    crsv: false,
    childVictims: false,
    victimCounts: [],
    victims: [],
  };
}

export const newPerpetrator = (): PerpetratorRow => ({ key: newId(), category: 'unidentified', name: '' });
export const newSource = (): SourceRow => ({
  key: newId(),
  kind: 'direct_witness',
  reliability: 'C',
  credibility: '3',
  description: '',
});
export const newCount = (harm: string): CountRow => ({
  key: newId(),
  harm,
  sex: 'unknown',
  age: 'unknown',
  status: 'civilian',
  count: '1',
});
export const newVictim = (harms: string[]): VictimRow => ({
  key: newId(),
  name: '',
  contact: '',
  address: '',
  testimony: '',
  sex: 'unknown',
  age: 'unknown',
  status: 'civilian',
  harms: [...harms],
  consent: 'internal_only',
  consentPartner: '',
});

const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
/** An empty input is left out; anything else is sent as a number (NaN goes as null, which the server refuses). */
const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));

/** The request body of POST /api/v1/incidents; empty optional fields are left out rather than sent empty. */
export function toRequestBody(f: IncidentFormState): Draft<IncidentInput> {
  return {
    clientId: f.clientId,
    date: { from: f.dateFrom, to: text(f.dateTo), precision: f.datePrecision },
    place: {
      latitude: num(f.latitude),
      longitude: num(f.longitude),
      pcode: text(f.pcode)?.toUpperCase(),
      locationName: text(f.locationName),
      precision: f.placePrecision,
    },
    harmTypes: f.harmTypes,
    narrative: f.narrative.trim(),
    perpetrators: f.perpetrators.map((p) => ({ category: p.category, name: text(p.name) })),
    sources: f.sources.map((s) => ({
      kind: s.kind,
      reliability: s.reliability,
      credibility: Number(s.credibility),
      description: text(s.description),
    })),
    flags: {
      retaliationForUnCooperation: f.retaliation,
      unCooperationKind: f.retaliation ? text(f.unCooperationKind) : undefined,
      crsv: f.crsv,
      childVictims: f.childVictims,
    },
    victimCounts: f.victimCounts.map((c) => ({
      harm: c.harm,
      sex: c.sex,
      age: c.age,
      status: c.status,
      count: num(c.count),
    })),
    victims: f.victims.map(victimBody),
  };
}

/** One individual victim as the API takes it (in an incident, or in POST /api/v1/incidents/:id/victims). */
export function victimBody(v: VictimRow): Draft<VictimInput> {
  return {
    name: text(v.name),
    contact: text(v.contact),
    address: text(v.address),
    testimony: text(v.testimony),
    sex: v.sex,
    age: v.age,
    status: v.status,
    harms: v.harms,
    consent: v.consent,
    consentPartner: v.consent === 'named_partner' ? text(v.consentPartner) : undefined,
  };
}

/** The field an issue path names, as a dotted key ("victims.0.name"); ids of inputs are "f-" + key with dashes. */
export const fieldKey = (path: readonly (string | number)[]): string => path.map(String).join('.');
export const fieldId = (key: string): string => `f-${key.replace(/\./g, '-')}`;

/** VALIDATION_FAILED details → messages by field key. */
export function issuesByField(details: unknown): Map<string, string[]> {
  const issues = ((details ?? {}) as { issues?: FieldIssue[] }).issues ?? [];
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    byField.set(key, [...(byField.get(key) ?? []), issue.message]);
  }
  return byField;
}
