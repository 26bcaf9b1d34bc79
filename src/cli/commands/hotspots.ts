import type { Command } from 'commander';
import { t } from '../../i18n/t.ts';
import { parseEmergingParams, parseHotspotParams } from '../../services/hotspot-schema.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface HotspotOptions extends GlobalOptions {
  unit?: string;
  measure?: string;
  from?: string;
  to?: string;
  permutations?: string;
  seed?: string;
  country?: string;
  emerging?: boolean;
  step?: string;
}

export function hotspotsCommand(program: Command, io: Io): void {
  withGlobalOptions(program.command('hotspots'))
    .description(
      'Getis-Ord Gi* hotspots per admin unit or grid cell, with permutation p-values (FDR-adjusted)',
    )
    .option('--unit <unit>', 'admin1, admin2, priogrid or h3:4 … h3:7 (default admin1)')
    .option('--measure <measure>', 'events, civilian-events or civilian-fatalities (default events)')
    .requiredOption('--from <YYYY-MM>', 'first month, inclusive')
    .requiredOption('--to <YYYY-MM>', 'last month, inclusive')
    .option('--permutations <N>', 'conditional permutations for the p-values (default 999)')
    .option('--seed <N>', 'seed of the permutations (default 1)')
    .option('--country <ISO3>', 'country (default MLI)')
    .option('--emerging', 'emerging hot spots: space-time Gi*, Mann-Kendall trend and ESRI pattern classes')
    .option('--step <step>', 'with --emerging: month, quarter or year (default quarter)')
    .action(async (options: HotspotOptions) => {
      if (options.emerging) return emerging(io, options);
      const raw = {
        unit: options.unit,
        measure: options.measure,
        from: options.from,
        to: options.to,
        permutations: options.permutations,
        seed: options.seed,
        country: options.country,
      };
      const params = parseHotspotParams(
        Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
        'BAD_USAGE',
      );
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const result = await vigie.hotspots({ ...params, language: locale });
        if (json) {
          const { unit, measure, from, to, cells } = result;
          return writeJson(io, { unit, measure, from, to, cells });
        }
        const significant = result.cells.filter((c) => c.class !== 'not-significant');
        const lines = [
          t(locale, 'cli.hotspots.title', {
            unit: result.unit,
            measure: result.measure,
            from: result.from,
            to: result.to,
          }),
          t(locale, 'cli.hotspots.summary', {
            units: result.cells.length,
            significant: significant.length,
            permutations: result.permutations,
            seed: result.seed,
          }),
        ];
        if (significant.length === 0) lines.push(t(locale, 'cli.hotspots.none'));
        else {
          lines.push(t(locale, 'cli.hotspots.header'));
          for (const c of significant) {
            lines.push(
              `  ${c.class.padEnd(8)} ${c.z.toFixed(2).padStart(7)} ${c.pFdr.toFixed(3).padStart(6)} ` +
                `${String(c.value).padStart(7)}  ${c.code === c.name ? c.code : `${c.name} (${c.code})`}`,
            );
          }
        }
        io.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}

const defined = (raw: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));

async function emerging(io: Io, options: HotspotOptions): Promise<void> {
  const { unit, measure, from, to, step, country } = options;
  const params = parseEmergingParams(defined({ unit, measure, from, to, step, country }), 'BAD_USAGE');
  await withVigie(io, options, async (vigie, { locale, json }) => {
    const r = await vigie.emergingHotspots({ ...params, language: locale });
    if (json) {
      const cells = r.cells.map((c) => ({
        code: c.code,
        name: c.name,
        class: c.class,
        trendZ: c.trendZ,
        trendP: c.trendP,
        hotSteps: c.hotSteps,
        coldSteps: c.coldSteps,
      }));
      return writeJson(io, {
        unit: r.unit,
        measure: r.measure,
        from: r.from,
        to: r.to,
        step: r.step,
        steps: r.steps,
        cells,
      });
    }
    const patterned = r.cells.filter((c) => c.class !== 'no-pattern');
    const lines = [
      t(locale, 'cli.hotspots.emergingTitle', {
        unit: r.unit,
        measure: r.measure,
        from: r.from,
        to: r.to,
        step: r.step,
      }),
      t(locale, 'cli.hotspots.emergingSummary', {
        units: r.cells.length,
        steps: r.steps.length,
        patterned: patterned.length,
      }),
    ];
    if (patterned.length === 0) lines.push(t(locale, 'cli.hotspots.emergingNone'));
    else {
      lines.push(t(locale, 'cli.hotspots.emergingHeader'));
      for (const c of patterned) {
        lines.push(
          `  ${c.class.padEnd(18)} ${c.trendZ.toFixed(2).padStart(7)} ${c.trendP.toFixed(3).padStart(6)}  ` +
            `${c.code === c.name ? c.code : `${c.name} (${c.code})`}`,
        );
      }
    }
    io.stdout.write(`${lines.join('\n')}\n`);
  });
}
