import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';

/**
 * Renders an Observable Plot into a div as wide as its container; rebuilt when `build` changes (memoise it) or
 * when the container is resized.
 */
export function PlotFigure({
  build,
  className,
}: {
  build: (width: number) => Plot.PlotOptions;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const node = ref.current;
    if (node === null) return;
    setWidth(node.clientWidth);
    const observer = new ResizeObserver(() => setWidth(node.clientWidth));
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const node = ref.current;
    if (node === null || width === 0) return;
    const plot = Plot.plot(build(width));
    // Plot names its mark groups with aria-label on <g> elements that have no role, which ARIA forbids; the
    // chart is described as a whole (ariaLabel/ariaDescription on the <svg>) and its figures are in a table.
    for (const g of plot.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
    for (const svg of plot.tagName === 'svg' ? [plot] : plot.querySelectorAll('svg[aria-label]'))
      svg.setAttribute('role', 'img');
    node.replaceChildren(plot);
    return () => plot.remove();
  }, [build, width]);
  return <div ref={ref} className={className} />;
}
