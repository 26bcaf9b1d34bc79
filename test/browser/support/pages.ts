import type { Page } from 'playwright-core';

interface LeafletLike {
  latLngToContainerPoint(latlng: [number, number]): { x: number; y: number };
  getContainer(): { getBoundingClientRect(): { left: number; top: number } };
}

/** Waits for what each page shows once its data has arrived. */
export const ready = {
  overview: async (page: Page) => {
    await page.locator('[data-testid=headline] .figure-value').first().waitFor();
    await page.locator('[data-testid=monthly-chart] svg').first().waitFor();
    await page.locator('[data-testid=breakdown-region] tbody tr').first().waitFor();
    await page.locator('[data-testid=breakdown-harm] tbody tr').first().waitFor();
  },
  map: async (page: Page) => {
    await page.locator('[data-testid=map][data-ready=true]').waitFor();
    await page.locator('[data-testid=area-list] tbody tr').first().waitFor();
    await page.locator('.leaflet-overlay-pane canvas').first().waitFor();
  },
  events: async (page: Page) => {
    await page.locator('[data-testid=events-table] tbody tr').first().waitFor();
    await page.locator('[data-testid=event-count]:not(:empty)').waitFor();
  },
  data: async (page: Page) => {
    await page.locator('#u-file').waitFor();
    await page.locator('[data-testid=import-history] tbody tr').first().waitFor();
  },
};

/** The page position of a latitude/longitude on the page's Leaflet map. */
export async function mapPoint(page: Page, lat: number, lng: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([la, ln]) => {
      // Runs in the page (the root tsconfig has no DOM types): window.__vigieMap is set by web/src/components/MapView.tsx.
      const map = (globalThis as unknown as { __vigieMap?: LeafletLike }).__vigieMap;
      if (!map) throw new Error('no map on the page');
      const p = map.latLngToContainerPoint([la, ln]);
      const r = map.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    [lat, lng] as const,
  );
}

/** Network idle plus two animation frames, so charts and canvases have painted before a screenshot. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const raf = (globalThis as unknown as { requestAnimationFrame: (f: () => void) => void })
      .requestAnimationFrame;
    return new Promise<void>((resolve) => raf(() => raf(() => resolve())));
  });
}

/** The element that has the keyboard focus: tag name, text and id. */
export async function focused(page: Page): Promise<{ tag: string; text: string; id: string }> {
  return page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: {
          activeElement: {
            tagName: string;
            textContent: string | null;
            id: string;
            outerHTML: string;
          } | null;
        };
      }
    ).document;
    const el = doc.activeElement;
    return { tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '', id: el?.id ?? '' };
  });
}
