/**
 * Answers of the analysis endpoints (hotspots, emerging hotspots, drawdown, perpetrator leaders, ranking), from the
 * generated schema (lib/api-types.ts). The lists below fix the order the pages show; `allOf` fails the typecheck
 * when one of them no longer names exactly the values the server declares.
 */
import { allOf, type ApiQuery, type ApiResponse, type Item } from './api-types.ts';

export type Hotspots = ApiResponse<'/api/v1/hotspots'>;
export type HotspotCell = Item<Hotspots['cells']>;
export type HotspotClass = HotspotCell['class'];
export const HOTSPOT_CLASSES = allOf<HotspotClass>()([
  'hot-99',
  'hot-95',
  'hot-90',
  'not-significant',
  'cold-90',
  'cold-95',
  'cold-99',
]);

export type EmergingHotspots = ApiResponse<'/api/v1/hotspots/emerging'>;
export type EmergingCell = Item<EmergingHotspots['cells']>;
export type EmergingClass = EmergingCell['class'];
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
type Pattern = (typeof EMERGING_PATTERNS)[number];
allOf<EmergingClass>()([
  ...EMERGING_PATTERNS.map((p): `${Pattern}-hot` => `${p}-hot`),
  ...EMERGING_PATTERNS.map((p): `${Pattern}-cold` => `${p}-cold`),
  'no-pattern',
] as const);

export type HotspotUnit = NonNullable<ApiQuery<'/api/v1/hotspots'>['unit']>;
export const HOTSPOT_UNITS = allOf<HotspotUnit>()([
  'admin1',
  'admin2',
  'priogrid',
  'h3:4',
  'h3:5',
  'h3:6',
  'h3:7',
]);
export type HotspotMeasure = NonNullable<ApiQuery<'/api/v1/hotspots'>['measure']>;
export const HOTSPOT_MEASURES = allOf<HotspotMeasure>()(['events', 'civilian-events', 'civilian-fatalities']);
export type EmergingStep = NonNullable<ApiQuery<'/api/v1/hotspots/emerging'>['step']>;
export const EMERGING_STEPS = allOf<EmergingStep>()(['quarter', 'year', 'month']);

export type Drawdown = ApiResponse<'/api/v1/drawdown'>;
export type DrawdownBase = Item<Drawdown['bases']>;
export type BeforeAfter = DrawdownBase['treated'];

export type PerpetratorLeaders = ApiResponse<'/api/v1/trends/perpetrators'>;
export type LeaderPeriod = Item<PerpetratorLeaders['periods']>;

export type Ranking = ApiResponse<'/api/v1/drawdown/ranking'>;
export type RankedPresence = Item<Ranking['presences']>;
