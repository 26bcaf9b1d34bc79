import { useCallback } from 'react';
import { api } from './api.ts';
import type { Boundaries } from './types.ts';
import { useFetch } from './use-fetch.ts';

/** The name of an event's region (admin-1) from the loaded boundaries, by Natural Earth code or P-code. */
export function useRegionNames(): (e: {
  admin1: string | null;
  admin1Pcode: string | null;
}) => string | null {
  const level1 = useFetch<Boundaries>(api.boundaries(1), { reference: true });
  const data = level1.data;
  return useCallback(
    (e) => {
      const features = data?.features ?? [];
      const match = features.find(
        (f) => f.properties.code === e.admin1 || f.properties.code === e.admin1Pcode,
      );
      return match?.properties.name ?? null;
    },
    [data],
  );
}
