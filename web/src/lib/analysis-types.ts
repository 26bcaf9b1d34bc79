/**
 * Answers of the analysis endpoints (hotspots, emerging hotspots, drawdown, perpetrator leaders), restated from
 * src/http/presenters/{hotspots,drawdown,trends}.ts: the web app talks to the server only over HTTP.
 */
export const HOTSPOT_CLASSES = [
  'hot-99',
  'hot-95',
  'hot-90',
  'not-significant',
  'cold-90',
  'cold-95',
  'cold-99',
] as const;
export type HotspotClass = (typeof HOTSPOT_CLASSES)[number];

export const EMERGING_PATTERNS = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
export type EmergingClass =
  `${(typeof EMERGING_PATTERNS)[number]}-hot` | `${(typeof EMERGING_PATTERNS)[number]}-cold` | 'no-pattern';

export const HOTSPOT_UNITS = ['admin1', 'admin2', 'priogrid', 'h3:4', 'h3:5', 'h3:6', 'h3:7'] as const;
export type HotspotUnit = (typeof HOTSPOT_UNITS)[number];
export const HOTSPOT_MEASURES = ['events', 'civilian-events', 'civilian-fatalities'] as const;
export type HotspotMeasure = (typeof HOTSPOT_MEASURES)[number];
export const EMERGING_STEPS = ['quarter', 'year', 'month'] as const;
export type EmergingStep = (typeof EMERGING_STEPS)[number];

export interface HotspotCell {
  code: string;
  name: string;
  value: number;
  z: number;
  p: number;
  pFdr: number;
  class: HotspotClass;
}

export interface Hotspots {
  unit: HotspotUnit;
  measure: HotspotMeasure;
  from: string;
  to: string;
  cells: HotspotCell[];
}

export interface EmergingCell {
  code: string;
  name: string;
  class: EmergingClass;
  trendZ: number;
  trendP: number;
  hotSteps: string[];
  coldSteps: string[];
}

export interface EmergingHotspots {
  unit: HotspotUnit;
  measure: HotspotMeasure;
  from: string;
  to: string;
  step: EmergingStep;
  steps: string[];
  cells: EmergingCell[];
}

export interface BeforeAfter {
  before: number;
  after: number;
  change: number;
}

export interface DrawdownBase {
  base: string;
  closedOn: string;
  dateQuality: string | null;
  latitude: number;
  longitude: number;
  admin2: string;
  admin2Name: string;
  source: 'acled-monthly-admin2' | 'events';
  area: 'admin2' | 'radius';
  radiusKm: number | null;
  window: number;
  measure: 'events' | 'fatalities';
  treated: BeforeAfter;
  comparison: BeforeAfter & { units: number };
  did: number;
  ci95: [number, number];
  series: { months: string[]; treated: number[]; comparison: number[] };
  comparisonUnits: string[];
}

export interface Drawdown {
  bases: DrawdownBase[];
}

export interface LeaderPeriod {
  period: string;
  leader: string | null;
  value: number;
  share: number | null;
  runnerUp: string | null;
  runnerUpValue: number;
  margin: number | null;
  tied: string[];
  total: number;
  unidentified: { value: number; share: number | null; exceedsLeader: boolean };
}

export interface PerpetratorLeaders {
  by: 'month' | 'year';
  measure: string;
  periods: LeaderPeriod[];
  ledPeriods: Record<string, number>;
}

export interface RankedPresence {
  name: string;
  rank: number;
  score: number;
  latitude: number;
  longitude: number;
  admin2: string;
  admin2Name: string;
  trend: { previous: number; recent: number; change: number | null; score: number };
  level: { recent: number; score: number };
  hotspot: { class: HotspotClass | null; score: number };
  forecast: { value: number | null; score: number };
}

export interface Ranking {
  source: 'events' | 'acled-monthly-admin2';
  measure: 'civilian-harm-events' | 'political-violence-events';
  from: string;
  to: string;
  formula: {
    expression: string;
    weights: { trend: number; level: number; hotspot: number; forecast: number };
    hotspotScores: Record<HotspotClass, number>;
    unknownHotspotScore: number;
    months: number;
  };
  presences: RankedPresence[];
  excluded: { name: string; reason: 'closed' | 'closure-undated' | 'not-yet-open' | 'outside-boundaries' }[];
}
