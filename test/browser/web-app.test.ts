import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData } from '../support/shared-data.ts';
import {
  chromiumAvailable,
  launchBrowser,
  screenshot,
  seriousAxeViolations,
  type Browser,
} from './support/browser.ts';
import { focused, mapPoint, ready, settle } from './support/pages.ts';
import { startServer, type TestServer } from './support/server.ts';
import { fixtureText } from '../support/fixture-files.ts';

const fr = new Intl.NumberFormat('fr-FR');
const en = new Intl.NumberFormat('en-GB');

/**
 * The web app in headless Chromium against the real server on the real Mali data (ACLED 1997–2019, OCHA cercles,
 * MINUSMA bases). Screenshots go to test-artifacts/screenshots/.
 */
describe.skipIf(!hasSharedData || !chromiumAvailable)('web app on the real Mali data', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const api = async <T>(path: string): Promise<T> =>
    (await fetch(`${server.url}${path}`, { headers: server.auth })).json() as Promise<T>;
  const open = async (path: string) => {
    await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
  };
  const expectAccessible = async () => expect(await seriousAxeViolations(page)).toEqual([]);

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

  it('opens on the overview with figures, the monthly chart, breakdowns and source coverage', async () => {
    const stats = await api<{ events: number; civilianFatalities: number }>('/api/v1/stats');
    await open('/');
    await ready.overview(page);
    const events = page.locator('[data-testid=headline] [data-measure=events] .figure-value');
    await expect.poll(() => events.textContent()).toBe(fr.format(stats.events));
    const chart = page.locator('[data-testid=monthly-chart]');
    expect(Number(await chart.getAttribute('data-total'))).toBe(stats.civilianFatalities);
    await expect.poll(() => page.locator('[data-testid=coverage]').textContent()).toMatch(/ACLED.*2019/);
    expect(await page.locator('[data-testid=breakdown-region] tbody tr').count()).toBeGreaterThan(3);
    await settle(page);
    await screenshot(page, 'overview');
    await expectAccessible();
  });

  it('compares a chosen period with the one before, and warns where it runs past the data', async () => {
    const stats = await api<{ civilianFatalities: number }>(
      '/api/v1/stats?from=2018-07-01&to=2020-06-30&civilianOnly=true',
    );
    await open('/?from=2018-07-01&to=2020-06-30&civilianOnly=true');
    await ready.overview(page);
    const killed = page.locator('[data-testid=headline] [data-measure=civilianFatalities]');
    await expect
      .poll(() => killed.locator('.figure-value').textContent())
      .toBe(fr.format(stats.civilianFatalities));
    await expect.poll(() => killed.locator('.figure-change').textContent()).toMatch(/période précédente/);
    await page.locator('.coverage-warning').waitFor();
    expect(await page.locator('#f-civilian').isChecked()).toBe(true);
    await settle(page);
    await screenshot(page, 'overview-period');
  });

  it('applies filters given in the URL, opens an event and goes back with the back button', async () => {
    const query = 'from=2018-01-01&to=2018-12-31&perpetrator=jihadist_group';
    const stats = await api<{ events: number }>(`/api/v1/stats?${query}`);
    expect(stats.events).toBeGreaterThan(0);
    await open(`/events?${query}`);
    await ready.events(page);
    expect(await page.locator('#f-from').inputValue()).toBe('2018-01-01');
    expect(await page.locator('#f-perpetrator').inputValue()).toBe('jihadist_group');
    await expect.poll(() => page.getByTestId('event-count').textContent()).toContain(fr.format(stats.events));
    const rows = page.locator('[data-testid=events-table] tbody tr');
    const dates = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-date') ?? ''));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d >= '2018-01-01' && d <= '2018-12-31')).toBe(true);
    const categories = await page
      .locator('[data-testid=events-table] td[data-perpetrator]')
      .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-perpetrator')));
    expect(new Set(categories)).toEqual(new Set(['jihadist_group']));

    await rows.first().getByRole('button').click();
    const detail = page.getByTestId('event-detail');
    await detail.locator('.notes').waitFor();
    expect(page.url()).toMatch(/[?&]event=\d+/);
    await settle(page);
    await screenshot(page, 'events');
    await expectAccessible();

    await page.goBack();
    await detail.waitFor({ state: 'detached' });
    expect(page.url()).not.toMatch(/[?&]event=/);
    expect(await page.locator('#f-from').inputValue()).toBe('2018-01-01');
  });

  it('draws the map; clicking a region filters every page, the chart included', async () => {
    const total = await api<{ civilianFatalities: number }>('/api/v1/stats');
    await open('/map');
    await ready.map(page);
    await expect
      .poll(() => page.getByTestId('excluded-coarse').textContent())
      .toMatch(/précision géographique 3/);
    expect(await page.locator('.base-icon').count()).toBeGreaterThanOrEqual(13);
    await settle(page);
    await screenshot(page, 'map');
    await expectAccessible();

    await page.locator('#map-points').check();
    await page.locator('.leaflet-overlay-pane canvas').first().waitFor();
    await settle(page);
    await screenshot(page, 'map-points');

    // Points and bases off, so the click lands on the region's polygon (around Mopti and the inner Niger delta).
    await page.locator('#map-points').uncheck();
    await page.locator('#map-bases').uncheck();
    const { x, y } = await mapPoint(page, 14.9, -4.2);
    await page.mouse.click(x, y);
    await expect.poll(() => new URL(page.url()).searchParams.get('admin1')).toBeTruthy();
    const admin1 = new URL(page.url()).searchParams.get('admin1')!;
    expect(await page.locator('#f-admin1').inputValue()).toBe(admin1);
    await settle(page);
    await screenshot(page, 'map-region-selected');

    const region = await api<{ civilianFatalities: number }>(
      `/api/v1/stats?admin1=${encodeURIComponent(admin1)}`,
    );
    expect(region.civilianFatalities).toBeLessThan(total.civilianFatalities);
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await ready.overview(page);
    await expect
      .poll(() => page.getByTestId('monthly-chart').getAttribute('data-total'))
      .toBe(String(region.civilianFatalities));
    expect(new URL(page.url()).searchParams.get('admin1')).toBe(admin1);
    await settle(page);
    await screenshot(page, 'overview-region');
  });

  it('sorts the events table on the server', async (context) => {
    const probe = await fetch(`${server.url}/api/v1/events?limit=1&sort=-fatalities`, {
      headers: server.auth,
    });
    if (probe.status !== 200) context.skip('the API does not sort events yet (sort=-fatalities)');
    const top = (await probe.json()) as { events: { fatalities: number }[] };
    await open('/events');
    await ready.events(page);
    await page.getByRole('button', { name: /Décès/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-fatalities');
    const header = page.locator('th[aria-sort=descending]');
    await header.waitFor();
    const first = page.locator('[data-testid=events-table] tbody tr').first().locator('td.num').first();
    await expect.poll(() => first.textContent()).toBe(fr.format(top.events[0]!.fatalities));
  });

  it('can be used from the keyboard: skip link, navigation, picking a region', async () => {
    await open('/map');
    await ready.map(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'A', text: 'Aller au contenu' });
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    const gao = page.getByTestId('area-list').getByRole('button', { name: 'Gao' });
    await gao.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#f-admin1').inputValue()).not.toBe('');
    const code = await page.locator('#f-admin1').inputValue();
    expect(new URL(page.url()).searchParams.get('admin1')).toBe(code);
    await expect.poll(() => gao.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('admin1')).toBeNull();
  });

  it('maps cercles from the loaded OCHA boundaries, and H3 hexagons', async () => {
    await open('/map?unit=admin2');
    await ready.map(page);
    expect(await page.locator('[data-testid=area-list] tbody tr').count()).toBeGreaterThanOrEqual(45);
    await settle(page);
    await screenshot(page, 'map-cercles');

    await open('/map');
    await ready.map(page);
    await page.getByLabel('Hexagones H3').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('h3:4');
    await page.locator('[data-testid=map][data-ready=true]').waitFor();
    await page.locator('[data-testid=area-list] tbody tr').first().waitFor();
    await settle(page);
    await screenshot(page, 'map-h3');
  });

  it('shows the issues of a rejected upload, and the import history', async () => {
    const fixture = fixtureText('acled', 'current-31col.csv');
    const bad = join(tmpdir(), `vigie-bad-${process.pid}.csv`);
    writeFileSync(bad, fixture.replace('2024-03-15', '2024-13-45').replace('13.9821', 'north'));
    await open('/data');
    await ready.data(page);
    await page.locator('#u-kind').selectOption('acled');
    await page.locator('#u-file').setInputFiles(bad);
    await page.getByRole('button', { name: 'Importer' }).click();
    const report = page.locator('[data-testid=import-report][data-stored=false]');
    await report.waitFor();
    const issues = page.locator('[data-testid=import-issues] tbody tr');
    expect(await issues.count()).toBeGreaterThanOrEqual(2);
    const text = await page.getByTestId('import-issues').textContent();
    expect(text).toContain('DATE_INVALID');
    expect(text).toContain('event_date');
    await expect
      .poll(() => page.locator('[data-testid=import-history] tbody tr').count())
      .toBeGreaterThanOrEqual(4);
    await settle(page);
    await screenshot(page, 'data-rejected-upload');
    await expectAccessible();
  });

  it('switches to English, with numbers and dates formatted for en-GB', async () => {
    const stats = await api<{ events: number }>('/api/v1/stats');
    await open('/');
    await ready.overview(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Overview');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect
      .poll(() => page.locator('[data-testid=headline] [data-measure=events] .figure-value').textContent())
      .toBe(en.format(stats.events));
    await expect.poll(() => page.getByTestId('coverage').textContent()).toMatch(/30 Jun 2019/);
    await settle(page);
    await screenshot(page, 'overview-en');
    // The choice is kept: a new visit without lang=… stays in English.
    await open('/events');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Events');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Événements');
  });

  it('logged no script error', () => {
    // A rejected upload answers 422, which Chromium logs as a failed resource: that one is expected.
    expect(browser.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable)('web app on a fresh install', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ realData: false });
    browser = await launchBrowser();
    await server.signIn(browser.context);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('explains how to load data instead of showing an error', async () => {
    const page = await browser.page();
    await page.goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bienvenue dans vigie');
    expect(await page.locator('pre').textContent()).toContain('vigie import acled');
    expect(await page.getByRole('link', { name: 'Données' }).count()).toBeGreaterThan(0);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await settle(page);
    await screenshot(page, 'fresh-install');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The regions and the MINUSMA sites that vigie ships are on the map before any import.
    await page.getByRole('link', { name: 'voir la carte' }).click();
    await ready.map(page);
    expect(await page.locator('.base-icon').count()).toBeGreaterThanOrEqual(13);
    await settle(page);
    await screenshot(page, 'fresh-install-map');
    expect(browser.errors).toEqual([]);
  });
});
