import { useEffect, useState } from 'react';
import { dayOf } from '../lib/filters.ts';

/**
 * A date bound. The URL may hold YYYY-MM (the API reads it as the month's first or last day); the input shows the
 * day it stands for. A value is written to the URL only once it is a complete, plausible day.
 */
export function DateInput({
  id,
  label,
  value,
  edge,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  edge: 'from' | 'to';
  onChange: (value: string | undefined) => void;
}) {
  const shown = value === undefined ? '' : dayOf(value, edge);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = (v: string) => {
    if (v === shown) return;
    if (v === '') onChange(undefined);
    else if (/^\d{4}-\d{2}-\d{2}$/.test(v) && v >= '1990-01-01') onChange(v);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={draft}
        min="1990-01-01"
        max="2100-12-31"
        onChange={(e) => {
          setDraft(e.target.value);
          // While a year is typed the field reports 0002, 0020, 0201…: commit() waits for a plausible year.
          commit(e.target.value);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
    </div>
  );
}
