// Sensor coverage on the map, on demand: each radar's instrumented range and its horizon for the
// lowest-flying threat type, the hearing footprints of the acoustic network's nodes (thousands of
// them, filled as one union in a single path), and the observer posts with their sighting range.
// Drawn only when the view changes, into the map's cached background.

import { LocalFrame } from '../core/geo.js';
import type { Scenario } from '../model/scenario.js';
import { radarHorizonM } from '../sensors/index.js';
import type { Projector } from './map-canvas.js';

interface Radar {
  name: string;
  lat: number;
  lon: number;
  rangeM: number;
  /** Where the radar horizon cuts the lowest-flying threat type's cruise altitude, m. */
  horizonM: number;
}

interface PointSet {
  name: string;
  lat: Float64Array;
  lon: Float64Array;
  /** Footprint radius of every point, m. */
  radiusM: number;
}

export interface CoverageCounts {
  radars: number;
  acousticNodes: number;
  observerPosts: number;
}

export class CoverageLayer {
  private readonly radars: Radar[] = [];
  private readonly acoustic: PointSet[] = [];
  private readonly posts: PointSet[] = [];
  /** Cruise altitude the radar horizons are drawn for, m. */
  readonly lowAltitudeM: number;
  /** The threat type whose hearing range the acoustic footprints show. */
  readonly commonType: string;

  constructor(scenario: Scenario) {
    const frame = new LocalFrame(scenario.origin);
    const types = scenario.threatTypes;
    this.lowAltitudeM = types.length > 0 ? Math.min(...types.map((t) => t.cruiseAltitudeM)) : 0;
    // The footprint drawn for a node is how far it hears the threat type the raid has most of.
    const counts = new Float64Array(types.length);
    for (const wave of scenario.waves) counts[wave.threatType] += wave.count;
    let common = 0;
    for (let k = 1; k < counts.length; k++) if (counts[k] > counts[common]) common = k;
    this.commonType = types[common]?.name ?? '';
    const points = (e: readonly number[], n: readonly number[]) => {
      const lat = new Float64Array(e.length);
      const lon = new Float64Array(e.length);
      for (let k = 0; k < e.length; k++) {
        const p = frame.toLatLon(e[k], n[k]);
        lat[k] = p.latDeg;
        lon[k] = p.lonDeg;
      }
      return { lat, lon };
    };
    for (const s of scenario.sensors) {
      if (s.type === 'radar') {
        const p = frame.toLatLon(s.position.e, s.position.n);
        this.radars.push({
          name: s.name,
          lat: p.latDeg,
          lon: p.lonDeg,
          rangeM: s.rangeM,
          horizonM: radarHorizonM(s.antennaHeightM, this.lowAltitudeM),
        });
      } else if (s.type === 'acoustic') {
        this.acoustic.push({
          name: s.name,
          ...points(s.nodeE, s.nodeN),
          radiusM: s.hearingRangeMByThreatType[common] ?? 0,
        });
      } else if (s.type === 'observer') {
        this.posts.push({ name: s.name, ...points(s.postE, s.postN), radiusM: s.sightingRangeM });
      }
    }
  }

  get counts(): CoverageCounts {
    return {
      radars: this.radars.length,
      acousticNodes: this.acoustic.reduce((n, a) => n + a.lat.length, 0),
      observerPosts: this.posts.reduce((n, p) => n + p.lat.length, 0),
    };
  }

  /**
   * Draws the coverage for the current view. `metresPerPixel` is taken at the view's centre (the
   * few percent it varies across a city-sized view do not show). Returns the footprints drawn.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    project: Projector,
    metresPerPixel: number,
    width: number,
    height: number,
  ): number {
    const at = project.point;
    let drawn = 0;
    const visible = (r: number) => at.x + r > 0 && at.y + r > 0 && at.x - r < width && at.y - r < height;

    // Acoustic nodes: every hearing disc in one path, filled once, so overlaps do not darken.
    for (const net of this.acoustic) {
      const r = net.radiusM / metresPerPixel;
      ctx.beginPath();
      for (let k = 0; k < net.lat.length; k++) {
        project.at(net.lat[k], net.lon[k]);
        if (!visible(r)) continue;
        if (r >= 1.5) {
          ctx.moveTo(at.x + r, at.y);
          ctx.arc(at.x, at.y, r, 0, 2 * Math.PI);
        }
        drawn++;
      }
      ctx.fillStyle = 'rgba(120, 220, 200, 0.13)';
      ctx.fill();
      // The nodes themselves, as dots in one more path.
      ctx.beginPath();
      for (let k = 0; k < net.lat.length; k++) {
        project.at(net.lat[k], net.lon[k]);
        if (!visible(2)) continue;
        ctx.rect(Math.round(at.x) - 1, Math.round(at.y) - 1, 2, 2);
      }
      ctx.fillStyle = 'rgba(140, 235, 215, 0.7)';
      ctx.fill();
    }

    // Observer posts: a dashed ring of sighting range around a small triangle.
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 1;
    for (const posts of this.posts) {
      const r = posts.radiusM / metresPerPixel;
      ctx.beginPath();
      for (let k = 0; k < posts.lat.length; k++) {
        project.at(posts.lat[k], posts.lon[k]);
        if (!visible(r + 6)) continue;
        ctx.moveTo(at.x + r, at.y);
        ctx.arc(at.x, at.y, r, 0, 2 * Math.PI);
        drawn++;
      }
      ctx.strokeStyle = 'rgba(240, 220, 140, 0.75)';
      ctx.stroke();
    }
    ctx.setLineDash([]);
    for (const posts of this.posts) {
      ctx.beginPath();
      for (let k = 0; k < posts.lat.length; k++) {
        project.at(posts.lat[k], posts.lon[k]);
        if (!visible(6)) continue;
        ctx.moveTo(at.x, at.y - 5);
        ctx.lineTo(at.x + 4.5, at.y + 3.5);
        ctx.lineTo(at.x - 4.5, at.y + 3.5);
        ctx.closePath();
      }
      ctx.fillStyle = 'rgba(240, 220, 140, 0.95)';
      ctx.fill();
    }

    // Radars: the instrumented range (solid) and, inside it, the horizon for low flyers (dotted).
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'bottom';
    for (const radar of this.radars) {
      project.at(radar.lat, radar.lon);
      const r = radar.rangeM / metresPerPixel;
      if (!visible(r)) continue;
      drawn++;
      const x = at.x;
      const y = at.y;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = 'rgba(90, 170, 255, 0.07)';
      ctx.fill();
      ctx.strokeStyle = 'rgba(110, 180, 255, 0.8)';
      ctx.lineWidth = 1.5;
      ctx.stroke();
      if (radar.horizonM < radar.rangeM) {
        ctx.setLineDash([2, 4]);
        ctx.beginPath();
        ctx.arc(x, y, radar.horizonM / metresPerPixel, 0, 2 * Math.PI);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = 'rgba(150, 200, 255, 0.95)';
      ctx.fillRect(x - 3, y - 3, 6, 6);
      ctx.fillText(`${radar.name} ${Math.round(radar.rangeM / 1000)} km`, x + 6, y - 4);
    }
    return drawn;
  }
}
