import { describe, expect, it } from 'vitest';
import {
  ALERT_STATES,
  alertTimings,
  nextState,
  severityFor,
  timingSummary,
  type AlertAction,
} from './alert.ts';

describe('the alert state machine', () => {
  const table: Array<[string, AlertAction, string | null]> = [
    ['open', 'acknowledge', 'acknowledged'],
    ['open', 'respond', 'responding'],
    ['open', 'close', 'closed'],
    ['acknowledged', 'acknowledge', null],
    ['acknowledged', 'respond', 'responding'],
    ['acknowledged', 'close', 'closed'],
    ['responding', 'acknowledge', null],
    ['responding', 'respond', null],
    ['responding', 'close', 'closed'],
    ['closed', 'acknowledge', null],
    ['closed', 'respond', null],
    ['closed', 'close', null],
  ];
  it.each(table)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from as (typeof ALERT_STATES)[number], action)).toBe(to);
  });
  it('never leaves closed and never goes back', () => {
    const order = ALERT_STATES.indexOf.bind(ALERT_STATES);
    for (const from of ALERT_STATES)
      for (const action of ['acknowledge', 'respond', 'close'] as const) {
        const to = nextState(from, action);
        if (to !== null) expect(order(to)).toBeGreaterThan(order(from));
      }
  });
});

describe('alert timings', () => {
  const t0 = '2026-03-01T08:00:00.000Z';
  it('measures seconds to acknowledge and to respond', () => {
    expect(
      alertTimings({
        createdAt: t0,
        acknowledgedAt: '2026-03-01T08:30:00.000Z',
        respondingAt: '2026-03-01T10:00:00.000Z',
        closedAt: null,
      }),
    ).toEqual({ toAcknowledge: 1800, toRespond: 7200 });
    expect(alertTimings({ createdAt: t0, acknowledgedAt: null, respondingAt: null, closedAt: null })).toEqual(
      {
        toAcknowledge: null,
        toRespond: null,
      },
    );
  });
  it('gives medians over the alerts that reached each step', () => {
    const at = (minutes: number | null) =>
      minutes === null ? null : new Date(Date.parse(t0) + minutes * 60_000).toISOString();
    const summary = timingSummary(
      [
        [10, 60],
        [20, null],
        [30, 90],
        [40, 120],
        [null, null],
      ].map(([a, r]) => ({
        createdAt: t0,
        acknowledgedAt: at(a ?? null),
        respondingAt: at(r ?? null),
        closedAt: null,
      })),
    );
    expect(summary).toEqual({
      alerts: 5,
      acknowledged: 4,
      responded: 3,
      medianToAcknowledge: 25 * 60,
      medianToRespond: 90 * 60,
    });
  });
});

describe('default severity of community reports', () => {
  it('grades by harm and count', () => {
    expect(severityFor('killing', 5)).toBe('critical');
    expect(severityFor('killing', 1)).toBe('high');
    expect(severityFor('armed_attack', null)).toBe('medium');
    expect(severityFor('threats_intimidation', null)).toBe('medium');
    expect(severityFor('forced_displacement', 300)).toBe('high');
  });
});
