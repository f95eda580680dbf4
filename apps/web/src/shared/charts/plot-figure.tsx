import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

export interface Datum {
  /** What the drawn element stands for (e.g. a month and a series), for tests and printing. */
  key: string;
  value: number;
}

/**
 * An Observable Plot chart in React: `make` draws an SVG; afterwards each element of the mark named
 * `mark` (drawn in data order) gets `data-key` and `data-value`, so tests can compare what is drawn
 * with the API. The figure is one image with a summary as its name; the table beside it is the
 * text alternative (WCAG 1.1.1).
 */
export function PlotFigure({
  make,
  data,
  mark,
  label,
  caption,
}: {
  make: (plot: typeof Plot) => SVGSVGElement | HTMLElement;
  data: Datum[];
  mark: string;
  label: string;
  caption: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = make(Plot);
    chart.querySelectorAll(`g[aria-label="${mark}"] > *`).forEach((el, i) => {
      if (!data[i]) return;
      el.setAttribute('data-key', data[i].key);
      el.setAttribute('data-value', String(data[i].value));
    });
    // Plot names its groups with aria-label, which ARIA does not allow on a plain <g>; the figure's name says it.
    chart.querySelectorAll('[aria-label], [aria-description]').forEach((el) => {
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
    });
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [make, data, mark]);
  return (
    <figure className="ov-chart">
      <div ref={ref} role="img" aria-label={label} className="ov-chart__plot" />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
