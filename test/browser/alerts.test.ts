import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  launchBrowser,
  screenshot,
  seriousAxeViolations,
  type Browser,
} from './support/browser.ts';
import { settle } from './support/pages.ts';
import { hasSharedData } from '../support/shared-data.ts';
import { startServer, TEST_ORGANISATION, type TestServer } from './support/server.ts';

const SMS_SECRET = 'browser tests gateway secret';
const UNPARSED = 'bonjour, il y a un souci ici, rappelez-moi';
const SENDER = '+22376000111';
const ANALYST = { email: 'analyste@vigie.test', password: 'browser-tests-analyst-password' };

/**
 * Issue 6, points 5 and 9 in Chromium: an alert raised through the API goes open → acknowledged → responding →
 * closed from its page, the timeline shows the four states; a community SMS that did not parse reaches the triage
 * queue (sender masked) and is dismissed; the forecasts page says how to make a forecast when none is stored.
 */
describe.skipIf(!chromiumAvailable)('alerts in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let alertId = '';
  const expectAccessible = async () => expect(await seriousAxeViolations(page)).toEqual([]);
  const open = (path: string) => page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...server.auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startServer({
      realData: false,
      vigie: {
        alerts: {
          notify: { webhooks: [], smtp: null, baseUrl: 'http://127.0.0.1', backoffMs: [10] },
          sms: { secrets: { rapidpro: null, africastalking: SMS_SECRET }, organisation: null },
        },
      },
    });
    browser = await launchBrowser();
    page = await browser.page();
    await server.signIn(browser.context);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await screenshot(page, `failed-alerts-${task.name.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  it('lists an alert raised through the API in the inbox, with the medians', async () => {
    const created = await api('/api/v1/alerts', {
      area: { pcode: 'ML0704', name: 'Ménaka' },
      severity: 'critical',
      harm: 'killing',
      peopleCount: 5,
      requiredResponse: 'Patrouille et contact avec les leaders communautaires',
      evidence: { text: 'Trois sources concordantes' },
    });
    expect(created.status).toBe(201);
    alertId = (created.body['alert'] as { id: string }).id;
    await open('/alerts');
    await page.getByTestId('alert-list').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Alertes');
    expect(await page.getByTestId('alert-list').textContent()).toContain('Critique');
    expect(await page.getByTestId('alert-metrics').textContent()).toContain('1 alertes');
    await settle(page);
    await screenshot(page, 'alerts-inbox');
    await expectAccessible();
  });

  it('acknowledges, responds and closes the alert from its page; the timeline shows the four states', async () => {
    await page.getByTestId('alert-list').getByRole('link').first().click();
    await page.getByTestId('alert-facts').waitFor();
    expect(page.url()).toContain(`/alerts/${alertId}`);
    expect(await page.getByTestId('alert-evidence').textContent()).toBe('Trois sources concordantes');
    await settle(page);
    await screenshot(page, 'alert-open');
    await expectAccessible();
    const state = page.getByTestId('alert-state');
    await page.getByRole('button', { name: 'Prendre en charge' }).click();
    await expect.poll(() => state.textContent()).toBe('Prise en charge');
    await page.getByRole('button', { name: 'Marquer « en réponse »' }).click();
    await expect.poll(() => state.textContent()).toBe('En réponse');
    await page.locator('#alert-outcome').selectOption('action_taken');
    await page.locator('#alert-note').fill('Patrouille passée le lendemain');
    await page.getByRole('button', { name: "Clore l'alerte" }).click();
    await expect.poll(() => state.textContent()).toBe('Close');
    expect(await page.getByTestId('alert-outcome').textContent()).toBe('Action menée');
    const steps = page.getByTestId('alert-timeline').locator('li');
    expect(await steps.evaluateAll((li) => li.map((l) => l.getAttribute('data-state')))).toEqual([
      'open',
      'acknowledged',
      'responding',
      'closed',
    ]);
    // A second close from the API is refused: the alert is closed already.
    expect((await api(`/api/v1/alerts/${alertId}/close`, { outcome: 'duplicate' })).status).toBe(409);
    await settle(page);
    await screenshot(page, 'alert-closed');
    await expectAccessible();
  });

  it('raises an alert from the form, and explains a refused action (CONFLICT) in plain words', async () => {
    await open('/alerts/new');
    await page.getByTestId('alert-form').waitFor();
    await page.locator('#af-pcode').fill('ML0501');
    await page.locator('#af-severity').selectOption('high');
    await page.locator('#af-response').fill('Vérifier auprès du point focal');
    await settle(page);
    await screenshot(page, 'alert-form');
    await expectAccessible();
    await page.getByRole('button', { name: "Lancer l'alerte" }).click();
    await page.getByTestId('alert-facts').waitFor();
    expect(await page.getByTestId('alert-state').textContent()).toBe('Ouverte');
    // Someone else acknowledges it meanwhile: this page's button is now stale, and the refusal is explained.
    const id = page.url().split('/alerts/')[1]!.split('?')[0]!;
    expect((await api(`/api/v1/alerts/${id}/acknowledge`, {})).status).toBe(200);
    await page.getByRole('button', { name: 'Prendre en charge' }).click();
    const error = page.locator('#alert-action-error');
    await expect.poll(() => error.getAttribute('data-code')).toBe('CONFLICT');
    expect(await error.textContent()).toContain("quelqu'un d'autre a agi");
    // The page reloads the alert: it now shows the state the other person left it in.
    await expect.poll(() => page.getByTestId('alert-state').textContent()).toBe('Prise en charge');
    expect(await page.getByRole('button', { name: 'Prendre en charge' }).count()).toBe(0);
    await screenshot(page, 'alert-conflict');
    await expectAccessible();
  });

  const postSms = async (id: string) => {
    const url = `${server.url}/api/v1/sms/africastalking?secret=${encodeURIComponent(SMS_SECRET)}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        from: SENDER,
        to: '36001',
        text: UNPARSED,
        id,
        date: '2026-03-01 08:00:00',
      }),
    });
    expect(response.status).toBe(200);
  };

  it('shows SMS that did not parse in the triage queue, sender masked; resolves one, dismisses the other', async () => {
    await postSms('ATXid_browser_1');
    await postSms('ATXid_browser_2');
    await open('/alerts/triage');
    await page.getByTestId('triage-queue').waitFor();
    const items = page.getByTestId('triage-item');
    expect(await items.count()).toBe(2);
    expect(await page.getByTestId('triage-text').first().textContent()).toBe(UNPARSED);
    expect(await page.getByTestId('triage-queue').textContent()).not.toContain(SENDER);
    await settle(page);
    await screenshot(page, 'alerts-triage');
    await expectAccessible();

    const first = items.first();
    await first.getByText('Transformer en alerte').click();
    await first.getByLabel('P-code de la zone').fill('ML0704');
    await first.getByLabel('Réponse attendue').fill('Rappeler la personne');
    await first.getByRole('button', { name: "Créer l'alerte" }).click();
    await expect.poll(() => items.count()).toBe(1);
    expect(await page.getByRole('status').first().textContent()).toContain('devenu une alerte');
    const alerts = (await api('/api/v1/alerts')).body['alerts'] as { source: string }[];
    expect(alerts.filter((a) => a.source === 'sms')).toHaveLength(1);

    await page.getByRole('button', { name: 'Écarter ce message' }).click();
    await page.getByTestId('triage-empty').waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('écarté');
  });

  it('lets an analyst read the alert without the actions, and without the triage queue', async () => {
    await server.vigie.protection.accounts.addUser('cli', {
      ...ANALYST,
      role: 'analyst',
      organisation: TEST_ORGANISATION,
    });
    await server.signIn(browser.context, ANALYST);
    await open(`/alerts/${alertId}`);
    await page.getByTestId('alert-facts').waitFor();
    expect(await page.getByTestId('alert-actions').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Votre rôle permet de lire cette alerte');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Alertes' }).count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'SMS à trier' }).count()).toBe(0);
    await expectAccessible();
  });

  it('says how to make a forecast when none is stored, in English', async () => {
    await open('/forecasts?lang=en');
    await page.getByTestId('forecast-empty').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Forecasts');
    expect(await page.getByTestId('forecast-empty').textContent()).toContain('npx vigie forecast run');
    await settle(page);
    await screenshot(page, 'forecasts-empty-en');
    await expectAccessible();
    expect(browser.errors.filter((e) => !/40[49]/.test(e))).toEqual([]);
  });
});

/** With the Mali file imported and a forecast stored through the service: the choropleth, its legend and the table. */
describe.skipIf(!chromiumAvailable || !hasSharedData)('stored forecasts in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ realData: true });
    await server.vigie.forecastRun({
      unit: 'admin2',
      outcome: 'civilian-fatalities',
      origin: '2018-12',
      horizons: '1-2',
      samples: 200,
      seed: 1,
      language: 'fr',
    });
    browser = await launchBrowser();
    page = await browser.page();
    await server.signIn(browser.context);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the newest run per cercle as a map with a legend and a table', async () => {
    await page.goto(`${server.url}/forecasts`, { waitUntil: 'domcontentloaded' });
    await page.locator('#fc-unit').selectOption('admin2');
    await page.getByTestId('forecast-table').waitFor();
    await expect.poll(() => page.getByTestId('forecast-map').getAttribute('data-ready')).toBe('true');
    const rows = page.getByTestId('forecast-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(20);
    expect(await page.getByTestId('forecast-run').textContent()).toContain('déc. 2018');
    expect(await page.getByTestId('forecast-legend').locator('li').count()).toBeGreaterThan(1);
    await page.locator('#fc-month').selectOption('2019-02');
    expect(await page.getByTestId('forecast-table').locator('caption').textContent()).toContain('févr. 2019');
    await page.locator('#fc-measure').selectOption('pAny');
    await settle(page);
    await screenshot(page, 'forecasts-map');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
