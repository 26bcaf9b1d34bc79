import type { MessageKey } from '../../i18n/i18n.tsx';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Labels of the form's fields by the last segment of their key (the server's issue path). */
const LEAF: Record<string, MessageKey> = {
  'date.from': 'form.dateFrom',
  'date.to': 'form.dateTo',
  'date.precision': 'form.datePrecision',
  date: 'form.when',
  'place.latitude': 'form.latitude',
  'place.longitude': 'form.longitude',
  'place.pcode': 'form.pcode',
  'place.locationName': 'form.locationName',
  'place.precision': 'form.placePrecision',
  place: 'form.where',
  harmTypes: 'form.harmTypes',
  narrative: 'form.narrative',
  flags: 'form.flags',
  'flags.unCooperationKind': 'form.unCooperationKind',
  'flags.crsv': 'form.crsv',
  category: 'form.category',
  name: 'victim.name',
  kind: 'form.sourceKind',
  reliability: 'form.reliability',
  credibility: 'form.credibility',
  description: 'form.sourceDescription',
  harm: 'form.harm',
  sex: 'form.sex',
  age: 'form.age',
  status: 'form.victimStatus',
  count: 'form.count',
  contact: 'victim.contact',
  address: 'victim.address',
  testimony: 'victim.testimony',
  harms: 'victim.harms',
  consent: 'victim.consent',
  consentPartner: 'victim.consentPartner',
  perpetratorName: 'form.perpetratorName',
};

const ROW: Record<string, MessageKey> = {
  perpetrators: 'form.perpetratorN',
  sources: 'form.sourceN',
  victimCounts: 'form.countN',
  victims: 'form.victimN',
};

/** "Victime 2 — Nom" for victims.1.name; the key itself when nothing better is known. */
export function fieldLabel(key: string, t: T): string {
  const [first = '', index, ...rest] = key.split('.');
  const row = ROW[first];
  if (row && index !== undefined && /^\d+$/.test(index)) {
    const leaf = LEAF[first === 'perpetrators' && rest[0] === 'name' ? 'perpetratorName' : rest.join('.')];
    const rowLabel = t(row, { n: Number(index) + 1 });
    return leaf ? `${rowLabel} — ${t(leaf)}` : rowLabel;
  }
  const leaf = LEAF[key];
  return leaf ? t(leaf) : key;
}
