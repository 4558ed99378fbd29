// Chart geometry for the inline SVG charts, as pure functions (charts.spec.ts). The numbers come
// from read models (assessment's zone changes and round results, analytics' figures); nothing
// here decides what may be shown.

export interface Box {
  readonly width: number;
  readonly height: number;
  readonly padding: number;
}

/** A linear scale from a domain onto a pixel range; values outside are clamped onto the edge. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (value) => {
    const clamped = Math.min(Math.max(value, Math.min(d0, d1)), Math.max(d0, d1));
    return d1 === d0 ? r0 : r0 + ((clamped - d0) / (d1 - d0)) * (r1 - r0);
  };
}

export type Zone = 'learning' | 'comfort' | 'anxiety' | 'apathy';

export interface ZonePoint {
  readonly safety: number;
  readonly standards: number;
}

/**
 * The safety × standards plane (both on the 1–7 scale): safety on the x axis, standards on the
 * y axis (high at the top), split at the tenant's thresholds into the four zones:
 * high safety + high standards = learning, high safety + low = comfort, low safety + high =
 * anxiety, low + low = apathy.
 */
export function zonePlane(box: Box, thresholds: { readonly safetyHighFrom: number; readonly standardsHighFrom: number }) {
  const x = linearScale([1, 7], [box.padding, box.width - box.padding]);
  const y = linearScale([1, 7], [box.height - box.padding, box.padding]);
  const splitX = x(thresholds.safetyHighFrom);
  const splitY = y(thresholds.standardsHighFrom);
  const left = box.padding;
  const right = box.width - box.padding;
  const top = box.padding;
  const bottom = box.height - box.padding;
  const quadrants: Record<Zone, { x: number; y: number; width: number; height: number }> = {
    anxiety: { x: left, y: top, width: splitX - left, height: splitY - top },
    learning: { x: splitX, y: top, width: right - splitX, height: splitY - top },
    apathy: { x: left, y: splitY, width: splitX - left, height: bottom - splitY },
    comfort: { x: splitX, y: splitY, width: right - splitX, height: bottom - splitY },
  };
  const place = (point: ZonePoint) => ({ x: x(point.safety), y: y(point.standards) });
  return { quadrants, place, splitX, splitY };
}

/** Which zone a point falls in, by the same thresholds (used to check the geometry, not to judge a team). */
export function zoneOf(point: ZonePoint, thresholds: { readonly safetyHighFrom: number; readonly standardsHighFrom: number }): Zone {
  const safe = point.safety >= thresholds.safetyHighFrom;
  const high = point.standards >= thresholds.standardsHighFrom;
  return safe ? (high ? 'learning' : 'comfort') : high ? 'anxiety' : 'apathy';
}

/** An SVG path through the points in order (`M x y L x y …`); empty for no points. */
export function linePath(points: readonly { readonly x: number; readonly y: number }[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`).join(' ');
}

/** Points of a trend: evenly spaced on x in the given order, y on the scale's range. */
export function trendPoints(values: readonly number[], box: Box, domain: readonly [number, number]): { x: number; y: number }[] {
  const y = linearScale(domain, [box.height - box.padding, box.padding]);
  const step = values.length > 1 ? (box.width - 2 * box.padding) / (values.length - 1) : 0;
  return values.map((value, index) => ({ x: values.length > 1 ? box.padding + index * step : box.width / 2, y: y(value) }));
}

/** Bar widths of a funnel: each count relative to the largest, on a bar of `width` px. */
export function funnelBars(counts: readonly number[], width: number): number[] {
  const max = Math.max(0, ...counts);
  return counts.map((count) => (max === 0 ? 0 : round((count / max) * width)));
}

const round = (n: number) => Math.round(n * 100) / 100;
