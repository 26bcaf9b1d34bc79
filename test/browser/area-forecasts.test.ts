import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileSource } from '../../src/importers/read/byte-source.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';
import {
  chromiumAvailable,
  launchBrowser,
  screenshot,
  seriousAxeViolations,
  type Browser,
} from './support/browser.ts';
import { settle } from './support/pages.ts';
import { startServer, type TestServer } from './support/server.ts';

interface Value {
  unitCode: string;
  unitName: string;
  targetMonth: string;
  horizon: number;
  mean: number;
  median: number;
  lower90: number;
  lower50: number;
  upper50: number;
  upper90: number;
  pAny: number;
  pMass: number;
}
const MONTHLY =
  'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.csv';

interface ForecastSet {
  run: { origin: string; model: string };
  values: Value[];
}

/** The web app's number formats (web/src/lib/format.ts and alert-api.ts `decimal`). */
const TAGS = { fr: 'fr-FR', en: 'en-GB' } as const;
const one = (lang: keyof typeof TAGS, n: number) =>
  new Intl.NumberFormat(TAGS[lang], { maximumFractionDigits: 1 }).format(n);
const pct = (lang: keyof typeof TAGS, n: number) =>
  new Intl.NumberFormat(TAGS[lang], { style: 'percent', maximumFractionDigits: 0 }).format(n);

/**
 * Stored forecasts on the map and on the area pages (issue 6 point 5), on the real Mali file: before any run the
 * map's forecast layer says how to make one; after an admin-1 run (origin 2018-12, as `vigie forecast run`
 * stores it) the regions are coloured by P(y ≥ 1) of next month, and the area list, the legend, and Mopti's
 * page show the API's numbers, in French and in English, with axe.
 */
describe.skipIf(!hasSharedData || !chromiumAvailable)('forecasts on the map and the area pages', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let set: ForecastSet;
  // A forecast run blocks the server's event loop for seconds; the keep-alive socket it then closes may be the
  // one the next fetch reuses (ECONNRESET). A GET is safe to send again once.
  const api = async <T>(path: string): Promise<T> => {
    const get = () => fetch(`${server.url}${path}`, { headers: server.auth });
    const res = await get().catch(get);
    return res.json() as Promise<T>;
  };
  const open = (path: string) => page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
  const expectAccessible = async () => expect(await seriousAxeViolations(page)).toEqual([]);
  const cell = (row: ReturnType<Page['locator']>, col: string) =>
    row.locator(`td[data-col=${col}]`).textContent();

  beforeAll(async () => {
    server = await startServer({ realData: true });
    browser = await launchBrowser();
    await server.signIn(browser.context);
    page = await browser.page();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  it('says on the map, and on an area page, how to make a forecast before any is stored', async () => {
    await open('/map?layer=forecast&lang=en');
    const empty = page.getByTestId('map-forecast-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('npx vigie forecast run --unit admin1');
    expect(await page.locator('input[name=map-layer][value=forecast]').isChecked()).toBe(true);
    await settle(page);
    await expectAccessible();
    await open('/areas/admin1/ML-MO?lang=en');
    await page.getByTestId('area-forecast-empty').waitFor();
    expect(await page.getByTestId('area-name').textContent()).toBe('Mopti');
    await page.locator('[data-testid=area-chart] svg').first().waitFor();
    await expectAccessible();
  });

  it('colours the regions by next month’s forecast, with the legend, the run and the API’s numbers', async () => {
    await server.vigie.forecastRun({
      unit: 'admin1',
      outcome: 'civilian-fatalities',
      origin: '2018-12',
      horizons: '1-6',
      samples: 200,
      seed: 1,
      language: 'fr',
    });
    set = await api<ForecastSet>('/api/v1/forecasts?unit=admin1&outcome=civilian-fatalities');
    const next = set.values.filter((v) => v.horizon === 1);
    expect(next).toHaveLength(9);

    await open('/map?layer=forecast');
    await page.locator('[data-testid=map][data-ready=true][data-layer=forecast]').waitFor();
    const legend = page.getByTestId('map-forecast-legend');
    expect(await legend.locator('h3').textContent()).toBe(
      "Probabilité qu'au moins un civil soit tué en janv. 2019",
    );
    const counts = await legend
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(9);
    const run = await page.getByTestId('map-forecast-run').textContent();
    expect(run).toContain(set.run.model);
    expect(run).toContain('déc. 2018');
    expect(await page.getByTestId('map-forecast-run').getByRole('link').getAttribute('href')).toBe(
      '/forecasts',
    );
    const list = page.locator('[data-testid=area-list][data-layer=forecast]');
    for (const v of next) {
      const row = list.locator(`tr[data-code="${v.unitCode}"]`);
      expect(await cell(row, 'pAny'), v.unitName).toBe(pct('fr', v.pAny));
      expect(await cell(row, 'median'), v.unitName).toBe(
        `${one('fr', v.median)} (${one('fr', v.lower90)} – ${one('fr', v.upper90)})`,
      );
    }
    // Highest probability first.
    const first = [...next].sort((a, b) => b.pAny - a.pAny || a.unitName.localeCompare(b.unitName))[0]!;
    expect(await list.locator('tbody tr').first().getAttribute('data-code')).toBe(first.unitCode);
    await settle(page);
    await screenshot(page, 'map-forecast');
    await expectAccessible();
  });

  it('opens Mopti’s page from the area list: history, fan, the forecast table equal to the API, alerts', async () => {
    await page.locator('[data-testid=area-list] tr[data-code="ML-MO"]').getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/areas/admin1/ML-MO');
    const rows = page.locator('[data-testid=area-forecast-table] tbody tr');
    await rows.first().waitFor();
    const area = await api<{ forecast: ForecastSet; history: unknown[] }>('/api/v1/areas/admin1/ML-MO');
    const mopti = set.values.filter((v) => v.unitCode === 'ML-MO');
    expect(area.forecast.values).toEqual(mopti);
    expect(area.history).toHaveLength(36);
    expect(await page.getByTestId('area-name').textContent()).toBe('Mopti');
    expect(await rows.count()).toBe(6);
    for (const v of mopti) {
      const row = page.locator(`[data-testid=area-forecast-table] tr[data-month="${v.targetMonth}"]`);
      expect(await cell(row, 'median')).toBe(one('fr', v.median));
      expect(await cell(row, 'interval')).toBe(`${one('fr', v.lower90)} – ${one('fr', v.upper90)}`);
      expect(await cell(row, 'interval50')).toBe(`${one('fr', v.lower50)} – ${one('fr', v.upper50)}`);
      expect(await cell(row, 'mean')).toBe(one('fr', v.mean));
      expect(await cell(row, 'pAny')).toBe(pct('fr', v.pAny));
      expect(await cell(row, 'pMass')).toBe(pct('fr', v.pMass));
    }
    expect(await page.getByTestId('area-run').textContent()).toContain('déc. 2018');
    expect(await page.getByTestId('area-backtest-note').textContent()).toContain('vigie forecast backtest');
    expect(await page.getByTestId('area-alerts').textContent()).toContain('Aucune alerte ouverte');
    await page.locator('[data-testid=area-chart] svg').first().waitFor();
    await page
      .locator('[data-testid=area-history-table]')
      .locator('..')
      .locator('..')
      .locator('summary')
      .click();
    expect(
      await page
        .locator('[data-testid=area-history-table] tr[data-month="2019-03"] td')
        .first()
        .textContent(),
    ).toBe(
      String(
        (area.history as { month: string; fatalities: number }[]).find((h) => h.month === '2019-03')!
          .fatalities,
      ),
    );
    await settle(page);
    await screenshot(page, 'area-mopti');
    await expectAccessible();
  });

  it('shows the same numbers in English, and links the forecasts table to the area pages', async () => {
    await open('/areas/admin1/ML-MO?lang=en');
    const rows = page.locator('[data-testid=area-forecast-table] tbody tr');
    await rows.first().waitFor();
    expect(await page.locator('#area-forecast-title').textContent()).toBe('Forecast');
    for (const v of set.values.filter((x) => x.unitCode === 'ML-MO')) {
      const row = page.locator(`[data-testid=area-forecast-table] tr[data-month="${v.targetMonth}"]`);
      expect(await cell(row, 'median')).toBe(one('en', v.median));
      expect(await cell(row, 'interval')).toBe(`${one('en', v.lower90)} – ${one('en', v.upper90)}`);
      expect(await cell(row, 'pAny')).toBe(pct('en', v.pAny));
    }
    expect(await page.getByTestId('area-run').textContent()).toContain('Dec 2018');
    await settle(page);
    await screenshot(page, 'area-mopti-en');
    await expectAccessible();

    await open('/map?layer=forecast&lang=en');
    await page.locator('[data-testid=map][data-ready=true][data-layer=forecast]').waitFor();
    expect(await page.getByTestId('map-forecast-legend').locator('h3').textContent()).toBe(
      'Probability that at least one civilian is killed in Jan 2019',
    );
    const gao = set.values.find((v) => v.unitCode === 'ML-GO' && v.horizon === 1)!;
    expect(await cell(page.locator('[data-testid=area-list] tr[data-code="ML-GO"]'), 'pAny')).toBe(
      pct('en', gao.pAny),
    );
    await expectAccessible();

    await open('/forecasts?lang=en');
    await page.getByTestId('forecast-table').getByRole('link', { name: 'Gao' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/areas/admin1/ML-GO');
    await expect.poll(() => page.getByTestId('area-name').textContent()).toBe('Gao');
  });

  it('shows a cercle forecast of all political violence from the monthly aggregates, chosen on the map', async () => {
    const monthly = await server.vigie.importFile('acled-monthly', fileSource(sharedData(MONTHLY)!), {});
    expect(monthly.stored).toBe(true);
    await server.vigie.forecastRun({
      unit: 'admin2',
      outcome: 'events',
      source: 'aggregates',
      horizons: '1-6',
      samples: 200,
      seed: 1,
      language: 'fr',
    });
    const cercles = await api<ForecastSet & { run: { source: string } }>(
      '/api/v1/forecasts?unit=admin2&outcome=events',
    );
    expect(cercles.run).toMatchObject({ origin: '2026-04', source: 'aggregates' });

    await open('/map?unit=admin2&layer=forecast&lang=en');
    await page.locator('[data-testid=map][data-ready=true][data-layer=forecast]').waitFor();
    await page.locator('#map-forecast-outcome').selectOption('events');
    await expect
      .poll(() => page.getByTestId('map-forecast-legend').locator('h3').textContent())
      .toBe('Probability of at least one political-violence event in May 2026');
    expect(await page.getByTestId('map-forecast-run').textContent()).toContain('monthly political-violence');
    // The area list's forecast column names the outcome shown, not civilian deaths.
    expect(await page.locator('[data-testid=area-list] thead').textContent()).toContain(
      'P(at least one political-violence event)',
    );
    const menaka = cercles.values.find((v) => v.unitCode === 'ML0704' && v.horizon === 1)!;
    const row = page.locator('[data-testid=area-list] tr[data-code="ML0704"]');
    expect(await cell(row, 'pAny')).toBe(pct('en', menaka.pAny));
    await settle(page);
    await expectAccessible();

    await row.getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/areas/admin2/ML0704');
    await page.locator('[data-testid=area-forecast-table] tbody tr').first().waitFor();
    expect(await page.locator('#area-outcome').inputValue()).toBe('events');
    // The map's links keep the outcome, not the language (as every in-app link): the page is in French.
    expect(await page.getByTestId('area-source').textContent()).toContain('agrégats mensuels ACLED');
    const area = await api<{ history: { month: string }[]; source: string; family: string }>(
      '/api/v1/areas/admin2/ML0704?outcome=events',
    );
    expect(area).toMatchObject({ source: 'aggregates', family: 'political-violence' });
    expect(area.history.at(-1)!.month).toBe('2026-04');
    const may = page.locator('[data-testid=area-forecast-table] tr[data-month="2026-05"]');
    expect(await cell(may, 'median')).toBe(one('fr', menaka.median));
    await settle(page);
    await screenshot(page, 'area-menaka-aggregates-en');
    await expectAccessible();
  });

  it('logged no script error (the 404s of the runs not yet stored aside)', () => {
    expect(browser.errors.filter((e) => !/404/.test(e))).toEqual([]);
  });
});
