// Download of the run on show as geodata: the same GeoJSON (RFC 7946) and KML 2.2 that
// `bulwark run --geojson/--kml` writes, built in the page from the scenario and event log the
// console replays (run/geojson-export, run/kml-export), so a planner can take the night into QGIS
// or Google Earth without the command line. The exporters load on first use, off the main chunk.

import type { RunLog } from '../model/events.js';
import type { GeoFeatureCollection } from '../model/geodata.js';
import type { Scenario } from '../model/scenario.js';

export type GeodataFormat = 'geojson' | 'kml';

const TYPES: Record<GeodataFormat, string> = {
  geojson: 'application/geo+json',
  kml: 'application/vnd.google-earth.kml+xml',
};

/** Two buttons, GeoJSON and KML, enabled while a run is on show. */
export class GeodataExport {
  private run: { scenario: Scenario; log: RunLog } | undefined;
  /** The collection of the run on show, built once on the first download. */
  private collection: GeoFeatureCollection | undefined;
  private readonly buttons: Record<GeodataFormat, HTMLButtonElement>;

  /** The buttons go just before `place` (in the console: before the toolbar's status). */
  constructor(place: HTMLElement) {
    const group = document.createElement('span');
    group.className = 'geodata-export';
    group.style.display = 'inline-flex';
    group.style.gap = '4px';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Download the run as geodata');
    const make = (format: GeodataFormat, label: string, title: string) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = `download-${format}`;
      button.textContent = label;
      button.title = title;
      button.disabled = true;
      button.addEventListener('click', () => void this.download(format));
      group.append(button);
      return button;
    };
    this.buttons = {
      geojson: make(
        'geojson',
        'GeoJSON ⤓',
        'Download this run as GeoJSON: assets, units, coverage, paths, intercepts, impacts (QGIS)',
      ),
      kml: make('kml', 'KML ⤓', 'Download this run as KML; paths replay on Google Earth’s time slider'),
    };
    place.before(group);
  }

  /** The run now on show (or none). */
  show(scenario: Scenario | undefined, log?: RunLog): void {
    this.run = scenario && log ? { scenario, log } : undefined;
    this.collection = undefined;
    for (const button of Object.values(this.buttons)) button.disabled = this.run === undefined;
  }

  /** The file of the run on show, named after its scenario and seed; undefined with no run. */
  async file(format: GeodataFormat): Promise<{ name: string; text: string } | undefined> {
    const run = this.run;
    if (!run) return undefined;
    const { runToGeoJson } = await import('../run/geojson-export.js');
    if (run !== this.run) return undefined;
    this.collection ??= runToGeoJson(run.scenario, run.log);
    const base = `${slug(run.scenario.name)}-seed-${run.log.seed}`;
    if (format === 'geojson')
      return { name: `${base}.geojson`, text: JSON.stringify(this.collection) + '\n' };
    const { geoJsonToKml } = await import('../run/kml-export.js');
    return {
      name: `${base}.kml`,
      text: geoJsonToKml(this.collection, `${run.scenario.name}, seed ${run.log.seed}`),
    };
  }

  private async download(format: GeodataFormat): Promise<void> {
    const file = await this.file(format);
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.text], { type: TYPES[format] }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    document.body.append(a);
    a.click();
    a.remove();
    // The download reads the blob after the click returns: let the address live a while.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** A file name from a scenario name: lower case, words joined by dashes. */
function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'run'
  );
}
