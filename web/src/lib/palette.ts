import type { Perpetrator } from './filters.ts';

/**
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. Charts and the map always
 * pair them with a text label (legend, tooltip, table), never colour alone.
 */
export const PERPETRATOR_COLOURS: Record<Perpetrator, string> = {
  state_forces: '#0072B2',
  foreign_state_partner: '#56B4E9',
  self_defence_militia: '#E69F00',
  jihadist_group: '#D55E00',
  armed_signatory_group: '#009E73',
  criminal: '#CC79A7',
  unidentified: '#7f7f7f',
  other: '#F0E442',
};
export const NO_CATEGORY_COLOUR = '#c8c8c8';

export function perpetratorColour(key: string | null): string {
  return key !== null && key in PERPETRATOR_COLOURS
    ? PERPETRATOR_COLOURS[key as Perpetrator]
    : NO_CATEGORY_COLOUR;
}

/** Sequential classes for the choropleth (ColorBrewer YlOrRd, 5 classes), with grey for zero. */
export const SEQUENTIAL = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
export const ZERO_COLOUR = '#eeeeee';

/**
 * Upper bounds of the classes: quantiles of the non-zero values, strictly increasing, the last being the largest
 * value (so no class is empty at the top). Fewer distinct values give fewer classes.
 */
export function classBreaks(values: number[], classes = SEQUENTIAL.length): number[] {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i++) {
    const q = positive[Math.ceil((i / classes) * positive.length) - 1];
    if (q !== undefined && q > (breaks[breaks.length - 1] ?? 0)) breaks.push(q);
  }
  return breaks;
}

/** The colour of a value: grey for zero, else its class, the top class always the darkest colour. */
export function classColour(value: number, breaks: number[]): string {
  if (value <= 0 || breaks.length === 0) return ZERO_COLOUR;
  const index = breaks.findIndex((b) => value <= b);
  const cls = index < 0 ? breaks.length - 1 : index;
  return SEQUENTIAL[SEQUENTIAL.length - breaks.length + cls] ?? SEQUENTIAL[SEQUENTIAL.length - 1]!;
}
