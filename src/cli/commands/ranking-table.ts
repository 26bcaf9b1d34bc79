import { t, type Locale } from '../../i18n/t.ts';
import type { RankingResult } from '../../services/presence-ranking.ts';

/** `vigie drawdown --ranking` as a table: rank, score and its parts, then the formula and the bases left out. */
export function rankingTable(r: RankingResult, locale: Locale): string {
  const title = t(locale, 'cli.ranking.title', {
    from: r.from,
    to: r.to,
    measure: t(locale, `cli.ranking.measure.${r.measure}`),
  });
  const formula = t(locale, 'cli.ranking.formula', { expression: r.formula.expression });
  const excluded = r.excluded.map((e) => `  ${e.name}: ${t(locale, `cli.ranking.excluded.${e.reason}`)}`);
  const tail = [
    formula,
    ...(excluded.length ? [t(locale, 'cli.ranking.excludedTitle'), ...excluded] : []),
    '',
  ];
  if (r.presences.length === 0) return [title, t(locale, 'cli.ranking.empty'), ...tail].join('\n');
  const n = (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const header = ['rank', 'presence', 'admin2', 'score', 'trend', 'level', 'hotspot'].map((k) =>
    t(locale, `cli.ranking.${k}`),
  );
  const cells = r.presences.map((p) => [
    String(p.rank),
    p.name,
    `${p.admin2} ${p.admin2Name}`,
    n(p.score),
    `${p.trend.previous} → ${p.trend.recent} (${n(p.trend.score)})`,
    n(p.level.score),
    `${p.hotspot.class ?? '—'} (${n(p.hotspot.score)})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => (i === 1 || i === 2 || i === 6 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [title, line(header), ...cells.map(line), ...tail].join('\n');
}
