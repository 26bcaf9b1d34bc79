/**
 * The one place that wires adapters to use cases: storage (SQLite or PostgreSQL), the importers, geography and
 * the taxonomy. The CLI and the HTTP app receive the finished `Vigie` and know nothing of what is behind it.
 */
import { classifyEvent } from './core/taxonomy/civilian-harm.ts';
import { aggregateSeries } from './services/aggregates.ts';
import { drawdown, type DrawdownDeps } from './services/drawdown.ts';
import { presenceRanking } from './services/presence-ranking.ts';
import { eventDetail, eventPoints } from './services/event-views.ts';
import { geography } from './services/geography.ts';
import { groupedCounts, type GroupedCountsOptions } from './services/grouped-counts.ts';
import { emergingHotspots } from './services/emerging-hotspots.ts';
import { hotspots } from './services/hotspots.ts';
import { forecastBacktest } from './services/forecast-backtest.ts';
import { forecastRun, latestForecasts } from './services/forecast-run.ts';
import { areaProfile } from './services/area-profile.ts';
import { forecastStore } from './storage/forecasts.ts';
import { evaluateAlertRules, scanAlertRules } from './services/alert-rules.ts';
import { mapCells } from './services/map-cells.ts';
import type { PublicReleasePort } from './services/ports/public-release-port.ts';
import { publicRelease } from './services/public-release.ts';
import { resolveCountry } from './services/resolve-country.ts';
import { importAcledDeletions } from './services/import-deletions.ts';
import { importEventFile } from './services/import-event-file.ts';
import { importReferenceFile } from './services/import-reference-file.ts';
import { createPlacer, replaceStoredEvents } from './services/placement.ts';
import type { Vigie } from './services/vigie.ts';
import { analysisQueries } from './storage/analysis-queries.ts';
import { eventQueries } from './storage/event-queries.ts';
import { listImportRuns } from './storage/import-run-queries.ts';
import { openStorage, type StorageTarget } from './storage/open.ts';
import { referenceStore } from './storage/reference-store.ts';
import { incidentPlacer } from './services/incident-placement.ts';
import { protection } from './services/protection.ts';
import { publicReleaseRows } from './services/public-release-rows.ts';
import { defaultKeyFile, keyFileSource } from './security/key-file-source.ts';
import { alertsService } from './services/alerts-service.ts';
import { auditLog } from './services/audit-log.ts';
import { keyRing } from './services/key-ring.ts';
import { notifier } from './services/notify.ts';
import { alertsConfigFromEnv, type AlertsConfig } from './services/notify-config.ts';
import { africasTalkingSender } from './services/sms-outbound.ts';
import { alertStore } from './storage/alerts/index.ts';

export interface VigieClock {
  now: () => string;
  today: () => string;
}

const systemClock: VigieClock = {
  now: () => new Date().toISOString(),
  today: () => new Date().toISOString().slice(0, 10),
};

export interface VigieOptions {
  clock?: VigieClock;
  /** The key-encryption key file (created with mode 0600 on first use); default beside the SQLite file. */
  keyFile?: string;
  /** How aggregate queries choose between the rollups and `events` (tests force each path). */
  counts?: GroupedCountsOptions;
  /** Notification endpoints and SMS gateway secrets (default: from the environment, services/notify-config.ts). */
  alerts?: AlertsConfig;
}

export async function openVigie(target: StorageTarget, options: VigieOptions = {}): Promise<Vigie> {
  const clock = options.clock ?? systemClock;
  const storage = await openStorage(target);
  const queries = eventQueries(storage.db);
  const reference = referenceStore(storage.db);
  const analysis = analysisQueries(storage.db);
  const counts = groupedCounts(analysis, options.counts);
  const geo = geography(reference);
  const publicReleasePort: PublicReleasePort = {
    verifiedIncidentCells: async () => publicReleaseRows(await storage.protection.incidents.verifiedCells()),
  };
  const drawdownDeps: DrawdownDeps = {
    bases: () => geo.bases(),
    admin2Places: () => reference.activePlaces(2),
    monthly: (measure) => reference.monthlyAggregates(measure),
    counts,
    eventPoints: (from, to) => queries.stream({ from, to }),
  };
  // Forecasts and alert rules read monthly counts from stored events or from ACLED's monthly aggregates.
  const forecastData = { counts, geography: geo, monthly: drawdownDeps.monthly };
  const keyFile = options.keyFile ?? defaultKeyFile(target);
  const alertConfig = options.alerts ?? alertsConfigFromEnv(process.env);
  const alertPort = alertStore(storage.db, storage.dialect);
  // One key ring, audit log and placer for incidents and alerts alike: one cache to forget on rotation or wipe.
  const kek = keyFileSource(keyFile);
  const keys = keyRing(kek, storage.protection.keys);
  const audit = auditLog(keys, storage.protection, clock.now);
  const place = incidentPlacer(reference);
  const alerts = alertsService({
    port: alertPort,
    keys,
    audit,
    notifier: notifier(alertConfig.notify, alertPort.deliveries),
    place,
    now: clock.now,
    places: async () =>
      (await Promise.all([1, 2, 3].map((level) => reference.activePlaces(level)))).flat().map((p) => ({
        code: p.code,
        name: p.name,
        level: p.level,
        parentCode: p.parentCode,
      })),
    secrets: alertConfig.sms.secrets,
    organisation: alertConfig.sms.organisation,
    atSender: alertConfig.sms.africastalkingApi
      ? africasTalkingSender(alertConfig.sms.africastalkingApi)
      : null,
    acknowledgements: alertConfig.sms.acknowledgements,
  });
  return {
    storageDescription: storage.description,
    alerts,
    protection: protection({
      port: storage.protection,
      kek,
      keys,
      audit,
      eraseOtherSealed: () => alertPort.eraseSealed().then(() => undefined),
      place,
      points: (filter, limit) => analysis.points(filter, limit),
      eventExists: async (id) => (await analysis.event(id)) !== null,
      compact: () => storage.compact(),
      now: clock.now,
    }),
    async importFile(kind, source, options) {
      if (kind === 'acled' || kind === 'ucdp') {
        // Boundaries may have changed since the last import: build the placer afresh for each file.
        const { place } = await createPlacer(reference);
        return importEventFile(
          {
            port: storage.eventImport,
            classify: classifyEvent,
            place,
            resolveCountry,
            now: clock.now,
            today: clock.today,
          },
          kind,
          source,
          options,
        );
      }
      if (kind === 'acled-deletions')
        return importAcledDeletions({ port: storage.eventImport, now: clock.now }, source, options);
      return importReferenceFile(
        {
          reference,
          now: clock.now,
          today: clock.today,
          replaceEvents: () => replaceStoredEvents(reference, reference).then(() => undefined),
        },
        kind,
        source,
        options,
      );
    },
    stats: (filter) => queries.stats(filter),
    eventsPage: (filter, cursor, limit, sort) => queries.page(filter, cursor, limit, sort),
    eventsStream: (filter) => queries.stream(filter),
    importRuns: (limit) => listImportRuns(storage.db, limit),
    aggregates: (request) => aggregateSeries(counts, request),
    mapCells: (request) => mapCells({ counts, geography: geo }, request),
    hotspots: (request) => hotspots({ counts, geography: geo }, request),
    emergingHotspots: (request) => emergingHotspots({ counts, geography: geo }, request),
    forecastBacktest: (request) => forecastBacktest(forecastData, request),
    forecastRun: (request) =>
      forecastRun({ ...forecastData, store: forecastStore(storage.db), now: clock.now }, request),
    forecasts: (request) => latestForecasts(forecastStore(storage.db), request),
    area: (by, request) =>
      areaProfile({ ...forecastData, forecasts: forecastStore(storage.db), alerts }, by, request),
    evaluateAlertRules: (request) => evaluateAlertRules(forecastData, request),
    scanAlertRules: (request) => scanAlertRules(forecastData, request),
    boundaries: (level, country, language) => geo.boundaries(level, country, language),
    bases: () => geo.bases(),
    drawdown: (request) => drawdown(drawdownDeps, request),
    drawdownRanking: (request) => presenceRanking(drawdownDeps, request),
    publicRelease: (request) => publicRelease(publicReleasePort, request),
    coverage: () => analysis.coverage(),
    event: (id) => eventDetail(analysis, id),
    eventPoints: (filter, limit) => eventPoints({ port: analysis, counts }, filter, limit),
    warmUp: () => counts.warm(),
    close: async () => {
      // Notifications already queued get a few seconds to leave; what is left stays queued in the outbox.
      await alerts.close(5000);
      await storage.close();
    },
  };
}
