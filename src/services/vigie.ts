import type { EventFilter } from '../core/filters.ts';
import type { ByteSource, TextEncodingChoice } from '../importers/read/types.ts';

export type { ByteSource, TextEncodingChoice };
import type { AggregateRequest, AggregateResult } from './aggregates.ts';
import type { DrawdownRequest, DrawdownResult } from './drawdown.ts';
import type { RankingRequest, RankingResult } from './presence-ranking.ts';
import type { EventPoints } from './event-views.ts';
import type { BaseView, BoundaryCollection } from './geography.ts';
import type { EmergingRequest, EmergingResult } from './emerging-hotspots.ts';
import type { HotspotRequest, HotspotResult } from './hotspots.ts';
import type { BacktestRequest, BacktestResponse } from './forecast-backtest.ts';
import type { ForecastRunRequest, ForecastSet } from './forecast-run.ts';
import type { ForecastOutcome, ForecastUnit } from './forecast-data.ts';
import type {
  AlertEvaluationRequest,
  AlertEvaluationResponse,
  AlertScanRequest,
  AlertScanResponse,
} from './alert-rules.ts';
import type { PublicFormat, PublicReleaseResult } from './public-release.ts';
import type { ImportReport } from './import-report.ts';
import type { MapRequest, MapResult } from './map-cells.ts';
import type { Language } from './place-names.ts';
import type { AnalysisPort, EventDetail, EventRevision } from './ports/analysis-port.ts';
import type { EventPage, EventSort, EventStats, EventView } from './ports/event-query-port.ts';
import type { ImportRunView } from './ports/import-run-port.ts';
import type { Protection } from './protection.ts';
import type { Alerts } from './alerts-service.ts';
import type { AreaProfile, AreaRequest } from './area-profile.ts';
import type { Principal } from '../core/access.ts';

export const IMPORT_KINDS = [
  'acled',
  'acled-deletions',
  'ucdp',
  'acled-monthly',
  'boundaries',
  'bases',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  skipInvalid?: boolean;
  encoding?: TextEncodingChoice;
  /** Boundaries: admin level (1, 2, 3), set name and the property names holding code, name and parent code. */
  level?: number;
  set?: string;
  codeField?: string;
  nameField?: string;
  parentField?: string;
  /** Monthly aggregates: which ACLED measure the file holds, when its name does not say. */
  measure?: string;
  onProgress?: (recordsRead: number) => void;
}

/** Every use case the edges (CLI, HTTP) may call; src/main.ts builds it from the adapters. */
export interface Vigie {
  readonly storageDescription: string;
  /** People and access, incidents, victims, evidence, the audit chain and the keys (issue 4). */
  readonly protection: Protection;
  /** Alerts and their response loop, community SMS and the triage queue, notifications (issue 6). */
  readonly alerts: Alerts;
  importFile(kind: ImportKind, source: ByteSource, options: ImportOptions): Promise<ImportReport>;
  stats(filter: EventFilter): Promise<EventStats>;
  eventsPage(filter: EventFilter, cursor: string | null, limit: number, sort?: EventSort): Promise<EventPage>;
  eventsStream(filter: EventFilter): AsyncIterable<EventView>;
  importRuns(limit: number): Promise<ImportRunView[]>;
  /** Time series by month or year, split by a category; from the rollups where they answer exactly. */
  aggregates(request: AggregateRequest): Promise<AggregateResult>;
  mapCells(request: MapRequest): Promise<MapResult>;
  /** Getis–Ord Gi* hotspots over every unit of the study area, zeros included. */
  hotspots(request: HotspotRequest): Promise<HotspotResult>;
  /** Emerging hot spots: space-time Gi*, Mann–Kendall trend and ESRI pattern classes per unit. */
  emergingHotspots(request: EmergingRequest): Promise<EmergingResult>;
  /** Rolling-origin backtest of the forecast model against the VIEWS baselines (issue 6). */
  forecastBacktest(request: BacktestRequest): Promise<BacktestResponse>;
  /** Forecasts the months after an origin for every unit and stores them (`vigie forecast run`). */
  forecastRun(request: ForecastRunRequest): Promise<ForecastSet>;
  /** The newest stored forecasts for a country, unit and outcome; NOT_FOUND when none was made. */
  forecasts(request: {
    unit: ForecastUnit;
    outcome: ForecastOutcome;
    country?: string;
  }): Promise<ForecastSet>;
  /**
   * One admin area: its monthly civilian harm, the newest stored forecast for it and (for roles that read alerts)
   * its open alerts; `by` null (the CLI without a user) leaves the alerts out.
   */
  area(by: Principal | null, request: AreaRequest): Promise<AreaProfile>;
  /** Alert rules scored on escalation episodes, at their published sensitivity and at equal alarm rates. */
  evaluateAlertRules(request: AlertEvaluationRequest): Promise<AlertEvaluationResponse>;
  /** Which units fire under each alert rule in one month (nothing stored: the alert loop decides). */
  scanAlertRules(request: AlertScanRequest): Promise<AlertScanResponse>;
  /** Admin boundaries as GeoJSON, with an ETag that changes when the boundary sets change. */
  boundaries(
    level: 1 | 2,
    country: string,
    language: Language,
  ): Promise<{ etag: string; collection: BoundaryCollection }>;
  bases(): Promise<BaseView[]>;
  /** Difference-in-differences of political violence around each base closure (the drawdown protection gap). */
  drawdown(request: DrawdownRequest): Promise<DrawdownResult[]>;
  /** The redacted public release of verified incidents: small cells suppressed, no identifiers, no margins. */
  publicRelease(request: { k?: number; format?: PublicFormat }): Promise<PublicReleaseResult>;
  /** Protection-risk ranking of the presences still open, with its formula. */
  drawdownRanking(request: RankingRequest): Promise<RankingResult>;
  coverage(): ReturnType<AnalysisPort['coverage']>;
  /** Throws NOT_FOUND for an unknown id. */
  event(id: number): Promise<{ event: EventDetail; revisions: EventRevision[] }>;
  eventPoints(filter: EventFilter, limit: number): Promise<EventPoints>;
  /** Prepares what the first overview request would otherwise wait for (the rollup in memory). */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}
