// The quiet detail of the offline base map: Natural Earth rivers, lakes and region (oblast)
// borders around Ukraine, generated at build time (scripts/base-map.mjs) and loaded as a chunk of
// its own. Drawn in a pane of its own above the country areas and below everything Bulwark draws.

import L from 'leaflet';

/** Features drawn per layer, for the browser tests. */
export interface BaseMapCounts {
  rivers: number;
  lakes: number;
  regions: number;
}

export const RIVER_COLOUR = '#2f5f86';
export const LAKE_FILL = '#12314a';
export const REGION_BORDER_COLOUR = '#3c4b5e';

export class BaseMapDetail {
  counts: BaseMapCounts = { rivers: 0, lakes: 0, regions: 0 };
  /** Resolves once the layers are on the map. */
  readonly loaded: Promise<void>;

  constructor(private readonly map: L.Map) {
    const pane = map.createPane('base-detail');
    // Leaflet's overlay pane (the country areas) is at 400, the console's canvases at 440 and up.
    pane.style.zIndex = '405';
    pane.style.pointerEvents = 'none';
    this.loaded = this.load(L.canvas({ pane: 'base-detail', padding: 0.2 }));
  }

  private async load(renderer: L.Canvas): Promise<void> {
    const { default: data } = await import('virtual:base-map');
    const common = { pane: 'base-detail', renderer, interactive: false };
    L.geoJSON(data.regions, {
      ...common,
      style: { color: REGION_BORDER_COLOUR, weight: 0.9, opacity: 0.9, dashArray: '2 3' },
    }).addTo(this.map);
    L.geoJSON(data.lakes, {
      ...common,
      style: { color: RIVER_COLOUR, weight: 0.8, fillColor: LAKE_FILL, fillOpacity: 1 },
    }).addTo(this.map);
    L.geoJSON(data.rivers, {
      ...common,
      style: { color: RIVER_COLOUR, weight: 1.3, opacity: 0.95 },
    }).addTo(this.map);
    this.counts = {
      rivers: data.rivers.features.length,
      lakes: data.lakes.features.length,
      regions: data.regions.features.length,
    };
  }
}
