import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import type { AlertEvaluationResponse, AlertScanResponse } from '../../src/services/alert-rules.ts';
import { cli } from '../support/cli.ts';
import { signedInApp } from '../support/http.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

const SMOSE = 'acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv';
const RULES = ['nb-cusum', 'nb-surprise-fdr', 'ears-c1', 'ears-c2', 'ears-c3', 'surge', 'threshold'];

/**
 * The alert rules on the real Mali file (ACLED, to 2019-06-30), admin-1 civilian fatalities: the figures of
 * docs/ALERTS.md, through the CLI and through HTTP.
 */
describe.skipIf(!hasSharedData)('vigie alert-rules on the real Mali file', () => {
  let dir: string;
  const run = (...args: string[]) => cli([...args, '--db', join(dir, 'vigie.db')]);
  const evaluate = async (...args: string[]) => {
    const r = await run('alert-rules', 'evaluate', '--json', ...args);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as AlertEvaluationResponse;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-alert-rules-'));
    const r = await run('import', 'acled', sharedData(SMOSE)!, '--json');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores every rule on the escalation episodes of 2012-01 … 2019-06', async () => {
    const r = await evaluate('--from', '2012-01');
    expect(r).toMatchObject({
      unit: 'admin1',
      outcome: 'civilian-fatalities',
      units: 9,
      window: { from: '2012-01', to: '2019-06' },
      history: { from: '1997-01', to: '2019-06' },
      lead: 3,
      rates: [0.5, 1, 2],
      unitYears: 67.5,
      forecast: null,
    });
    expect(r.episodes).toHaveLength(44);
    expect(r.episodes.filter((e) => e.count >= 25)).toHaveLength(7);
    expect(r.rules.map((x) => x.rule)).toEqual(RULES);
    const at = (name: string) => r.rules.find((x) => x.rule === name)!;
    // Published sensitivities: the 25-death threshold catches 7 of 44 episodes, EARS C1 23.
    expect(at('threshold').atDefault).toMatchObject({ alarms: 27, caught: 7, falseAlarms: 17 });
    expect(at('ears-c1').atDefault).toMatchObject({ alarms: 36, caught: 23, falseAlarms: 12 });
    for (const rule of r.rules) {
      rule.atRates.forEach((m, i) => {
        expect(m.target).toBe(r.rates[i]);
        if (m.reached) expect(Math.abs(m.alarmsPerUnitYear - m.target)).toBeLessThanOrEqual(0.1 * m.target);
        expect(m.caughtAhead).toBeLessThanOrEqual(m.caught);
        expect(m.caught).toBeLessThanOrEqual(m.episodes);
      });
    }
    // The surge rule's minimum count caps it below 2 alarms per unit-year; the table marks it.
    expect(at('surge').atRates[2]?.reached).toBe(false);
    // Deterministic: a second run gives the same figures.
    const again = await evaluate('--from', '2012-01');
    expect({ ...again, seconds: 0 }).toEqual({ ...r, seconds: 0 });
  });

  it('adds the forecast model as a rule and prints the table', async () => {
    const r = await evaluate(
      '--from',
      '2017-01',
      '--forecast',
      'vigie',
      '--samples',
      '200',
      '--rates',
      '1,2',
    );
    // The model's name follows src/analysis/forecast (whatever the forecasting work calls its candidate).
    expect(r.forecast).toMatchObject({ samples: 200, seed: 1 });
    const f = r.rules.find((x) => x.rule === `forecast-${r.forecast?.model ?? ''}`);
    expect(f?.atRates.map((m) => m.reached)).toEqual([true, true]);
    const table = await run('alert-rules', 'evaluate', '--from', '2012-01', '--lang', 'en');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/44 escalation episodes over 67\.5 unit-years/);
    expect(table.stdout).toMatch(/^ {2}threshold +count=25\.00 +0\.40 +0\.25/m);
    expect(table.stdout).toMatch(/random alarms at this rate/);
  });

  it('tunes on 2012-01 … 2015-12, freezes, and scores 2016-01 … 2019-06 only (--tune-to)', async () => {
    const r = await evaluate('--from', '2012-01', '--tune-to', '2015-12');
    expect(r).toMatchObject({
      window: { from: '2016-01', to: '2019-06' },
      tuning: { mode: 'out-of-sample', from: '2012-01', to: '2015-12', unitYears: 36, episodes: 22 },
      unitYears: 31.5,
    });
    expect(r.episodes).toHaveLength(22);
    expect(r.episodes.every((e) => e.month >= '2016-01')).toBe(true);
    // Tuned out of sample = tuned in sample on the tuning months alone: nothing after 2015-12 reached the choice.
    const tuningOnly = await evaluate('--from', '2012-01', '--to', '2015-12');
    expect(tuningOnly.tuning).toEqual({ mode: 'in-sample' });
    r.rules.forEach((rule, i) =>
      rule.atRates.forEach((m, j) => {
        const inSample = tuningOnly.rules[i]?.atRates[j];
        expect(m.sensitivity).toBe(inSample?.sensitivity);
        expect(m.tunedRate).toBe(inSample?.alarmsPerUnitYear);
        expect(m.reached).toBe(inSample?.reached);
      }),
    );
    // Frozen at 2.37 deaths (1 alarm per unit-year in 2012-2015), the threshold fires 2.48 times a unit-year in
    // 2016-2019; random alarms at that rate would warn ahead of half the episodes, the rule of 6 of 22.
    const threshold = r.rules.find((x) => x.rule === 'threshold')!.atRates[1]!;
    expect(threshold).toMatchObject({ tunedRate: 10 / 9, alarms: 78, caught: 16, caughtAhead: 6 });
    expect(threshold.chance.recallAhead).toBeCloseTo(1 - (1 - 78 / 31.5 / 12) ** 3, 12);
    const table = await run(
      'alert-rules',
      'evaluate',
      '--from',
      '2012-01',
      '--tune-to',
      '2015-12',
      '--lang',
      'en',
    );
    expect(table.stdout).toMatch(/^Out of sample: .* tuned on 2012-01 → 2015-12/m);
    expect(table.stdout).toMatch(/^ {2}threshold † +count=2\.37 +1\.11 +2\.48 /m);
    const inSample = await run('alert-rules', 'evaluate', '--from', '2012-01', '--lang', 'en');
    expect(inSample.stdout).toMatch(/^In sample: /m);
    for (const bad of [
      ['--tune-to', '2011-12'],
      ['--tune-to', '2019-06'],
      ['--to', '2015-12', '--tune-to', '2016-01'],
    ]) {
      expect((await run('alert-rules', 'evaluate', '--from', '2012-01', ...bad)).code, bad.join(' ')).toBe(2);
    }
  });

  it('scans a month: Mopti fires in June 2018 under the threshold rule', async () => {
    const r = await run('alert-rules', 'scan', '--month', '2018-06', '--json');
    expect(r.code, r.stderr).toBe(0);
    const scan = JSON.parse(r.stdout) as AlertScanResponse;
    expect(scan.month).toBe('2018-06');
    const threshold = scan.rules.find((x) => x.rule === 'threshold');
    expect(threshold?.firing).toEqual([{ code: 'ML-MO', name: 'Mopti', count: 98, statistic: 98 }]);
    expect(scan.escalations).toEqual([{ code: 'ML-MO', name: 'Mopti', count: 98, onset: false }]);
    const latest = JSON.parse((await run('alert-rules', 'scan', '--json')).stdout) as AlertScanResponse;
    expect(latest.month).toBe('2019-06');
    expect((await run('alert-rules', 'scan', '--month', '2030-01')).code).toBe(2);
    expect((await run('alert-rules', 'evaluate', '--rates', 'many')).code).toBe(2);
  });

  it('answers the same through GET /api/v1/alert-rules/*, for signed-in users only', async () => {
    const vigie = await openVigie({ sqlitePath: join(dir, 'vigie.db') });
    const anonymous = await buildHttpApp(vigie);
    const app = await signedInApp(vigie);
    try {
      expect((await anonymous.inject({ method: 'GET', url: '/api/v1/alert-rules/scan' })).statusCode).toBe(
        401,
      );
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/alert-rules/evaluation?from=2012-01&lang=en',
      });
      expect(res.statusCode, res.body).toBe(200);
      const viaCli = await evaluate('--from', '2012-01');
      expect({ ...res.json<AlertEvaluationResponse>(), seconds: 0 }).toEqual({ ...viaCli, seconds: 0 });
      const tuned = await app.inject({
        method: 'GET',
        url: '/api/v1/alert-rules/evaluation?from=2012-01&tuneTo=2015-12&lang=en',
      });
      expect(tuned.statusCode, tuned.body).toBe(200);
      const tunedCli = await evaluate('--from', '2012-01', '--tune-to', '2015-12');
      expect({ ...tuned.json<AlertEvaluationResponse>(), seconds: 0 }).toEqual({ ...tunedCli, seconds: 0 });
      const scan = await app.inject({ method: 'GET', url: '/api/v1/alert-rules/scan?month=2018-06' });
      expect(scan.statusCode, scan.body).toBe(200);
      expect(scan.json<AlertScanResponse>().rules.map((x) => x.rule)).toEqual(RULES);
      for (const bad of [
        'rates=0,1',
        'lead=9',
        'from=2019-01&to=2018-01',
        'unit=h3:5',
        'month=2018-6',
        'from=2016-01&tuneTo=2015-12',
        'tuneTo=2019-06&to=2019-06',
        'tuneTo=2019-06',
      ]) {
        const url = `/api/v1/alert-rules/${bad.startsWith('month') ? 'scan' : 'evaluation'}?${bad}`;
        expect((await app.inject({ method: 'GET', url })).statusCode, bad).toBe(400);
      }
    } finally {
      await anonymous.close();
      await app.close();
      await vigie.close();
    }
  });
});
