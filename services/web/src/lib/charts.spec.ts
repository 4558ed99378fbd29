import { funnelBars, linearScale, linePath, trendPoints, zoneOf, zonePlane } from './charts';

describe('chart geometry', () => {
  it('scales linearly and clamps', () => {
    const x = linearScale([1, 7], [0, 600]);
    expect([x(1), x(4), x(7), x(0), x(9)]).toEqual([0, 300, 600, 0, 600]);
    const y = linearScale([1, 7], [600, 0]);
    expect(y(7)).toBe(0);
    expect(linearScale([3, 3], [10, 20])(3)).toBe(10);
  });

  it('places every point in the quadrant of the zone it is in', () => {
    const thresholds = { safetyHighFrom: 5, standardsHighFrom: 4.5 };
    const plane = zonePlane({ width: 340, height: 340, padding: 20 }, thresholds);
    for (let safety = 1; safety <= 7; safety += 0.25) {
      for (let standards = 1; standards <= 7; standards += 0.25) {
        const zone = zoneOf({ safety, standards }, thresholds);
        const p = plane.place({ safety, standards });
        const q = plane.quadrants[zone];
        expect({ safety, standards, inside: p.x >= q.x && p.x <= q.x + q.width && p.y >= q.y && p.y <= q.y + q.height }).toEqual({ safety, standards, inside: true });
      }
    }
    // Learning is high safety (right) and high standards (top).
    expect(plane.quadrants.learning.x).toBe(plane.splitX);
    expect(plane.quadrants.learning.y).toBe(20);
    expect(plane.quadrants.apathy).toMatchObject({ x: 20, y: plane.splitY });
  });

  it('draws trends evenly spaced, high values at the top', () => {
    const points = trendPoints([1, 7, 4], { width: 120, height: 100, padding: 10 }, [1, 7]);
    expect(points).toEqual([{ x: 10, y: 90 }, { x: 60, y: 10 }, { x: 110, y: 50 }]);
    expect(trendPoints([5], { width: 120, height: 100, padding: 10 }, [1, 7])).toEqual([{ x: 60, y: expect.closeTo(36.67, 2) }]);
    expect(linePath(points)).toBe('M10 90 L60 10 L110 50');
    expect(linePath([])).toBe('');
  });

  it('sizes funnel bars against the largest count', () => {
    expect(funnelBars([10, 5, 0], 200)).toEqual([200, 100, 0]);
    expect(funnelBars([0, 0], 200)).toEqual([0, 0]);
  });
});
