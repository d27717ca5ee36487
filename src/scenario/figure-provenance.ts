// Where each platform figure a scenario runs with comes from: for every catalog figure the model
// reads (threat types, defender units, asset kinds, sensor defaults, and what each sensor sees of
// each threat type: its radar cross-section, its noise class), the catalog's value with its source
// and whether it is verified, who uses it as it stands, and who overrides it with a value of their
// own. The console lists the unverified ones; figures the model does not read (a threat's `rcs` in a
// scenario without radars) are left out.

import type { DefenderUnit, Scenario, SensorSpec } from '../model/scenario.js';
import { catalogEntry, type CatalogEntry, type CatalogSection, type Figure } from './catalog.js';
import type { Trait } from './catalog-types.js';
import { signatureEntry, signatureOf } from './signatures.js';

export interface FigureProvenance {
  section: CatalogSection;
  /** The catalog entry the figure comes from (a jet's weapon figures: its missile's entry). */
  entry: string;
  figure: string;
  /** A figure, or a trait (a value that is not a number, like a threat's noise class). */
  catalog: Figure | Trait;
  /** SI unit of the values: m, m/s, s, kg, rad, m², $ or '' for counts, ratios and traits. */
  unit: string;
  /** Waves, units or assets running with the catalog's value. */
  usedBy: string[];
  /** Those that set a value of their own instead (SI). */
  overriddenBy: { name: string; value: number }[];
}

type Read<T> = [figure: string, unit: string, value: (x: T) => number];

const THREAT: Read<Scenario['threatTypes'][number]>[] = [
  ['speed', 'm/s', (t) => t.speedMps],
  ['altitude', 'm', (t) => t.cruiseAltitudeM],
  ['warhead', 'kg', (t) => t.warheadKg],
  ['cost', '$', (t) => t.unitCost],
  ['range', 'm', (t) => t.rangeM],
  ['dive', 'rad', (t) => t.diveAngleRad],
  ['ew-susceptibility', '', (t) => t.ewSusceptibility],
];

/** Figures every defender kind reads; then each kind's own. */
const WEAPON: Read<DefenderUnit>[] = [
  ['speed', 'm/s', (u) => u.speedMps],
  ['endurance', 's', (u) => u.enduranceS],
  ['engagement-radius', 'm', (u) => u.engagementRadiusM],
  ['acquisition-range', 'm', (u) => u.acquisitionRangeM],
  ['cost', '$', (u) => u.unitCost],
  ['ceiling', 'm', (u) => u.ceilingM],
  ['stock', '', (u) => u.stock],
];

/** A field of one kind of unit, read only when the unit is of that kind. */
function of<K extends DefenderUnit['kind']>(
  kind: K,
  figure: string,
  unit: string,
  value: (u: Extract<DefenderUnit, { kind: K }>) => number,
): Read<DefenderUnit> {
  return [figure, unit, (u) => (u.kind === kind ? value(u as Extract<DefenderUnit, { kind: K }>) : NaN)];
}

const BY_KIND: Record<DefenderUnit['kind'], Read<DefenderUnit>[]> = {
  'interceptor-drone': [
    of('interceptor-drone', 'crews', '', (u) => u.maxConcurrentFlights),
    of('interceptor-drone', 'launch-interval', 's', (u) => u.launchIntervalS),
    of('interceptor-drone', 'launch-prep', 's', (u) => u.prepS),
  ],
  gun: [
    of('gun', 'range', 'm', (u) => u.rangeM),
    of('gun', 'rounds-per-burst', '', (u) => u.roundsPerBurst),
    of('gun', 'burst-interval', 's', (u) => u.burstIntervalS),
  ],
  'fire-group': [
    of('fire-group', 'range', 'm', (u) => u.rangeM),
    of('fire-group', 'rounds-per-burst', '', (u) => u.roundsPerBurst),
    of('fire-group', 'burst-interval', 's', (u) => u.burstIntervalS),
    of('fire-group', 'dwell', 's', (u) => u.dwellS),
    of('fire-group', 'relocation-speed', 'm/s', (u) => u.relocationSpeedMps),
    of('fire-group', 'setup', 's', (u) => u.setupS),
    of('fire-group', 'night-range', 'm', (u) => u.nightRangeM),
  ],
  sam: [
    of('sam', 'min-range', 'm', (u) => u.minRangeM),
    of('sam', 'range', 'm', (u) => u.maxRangeM),
    of('sam', 'min-altitude', 'm', (u) => u.minAltitudeM),
    of('sam', 'ready', '', (u) => u.readyMissiles),
    of('sam', 'channels', '', (u) => u.maxConcurrentFlights),
    of('sam', 'reload', 's', (u) => u.reloadS),
    of('sam', 'reaction', 's', (u) => u.reactionS),
    of('sam', 'launch-interval', 's', (u) => u.launchIntervalS),
  ],
  jet: [
    of('jet', 'scramble', 's', (u) => u.scrambleS),
    of('jet', 'cruise-speed', 'm/s', (u) => u.cruiseSpeedMps),
    of('jet', 'dash-speed', 'm/s', (u) => u.dashSpeedMps),
    of('jet', 'sortie', 's', (u) => u.sortieS),
    of('jet', 'turnaround', 's', (u) => u.turnaroundS),
    of('jet', 'loadout', '', (u) => u.loadout),
    of('jet', 'range', 'm', (u) => u.missileRangeM),
    of('jet', 'launch-interval', 's', (u) => u.launchIntervalS),
    of('jet', 'cannon-passes', '', (u) => u.cannonPasses),
    of('jet', 'cannon-range', 'm', (u) => u.cannonRangeM),
    of('jet', 'cannon-pk', '', (u) => u.cannonPk),
    of('jet', 'night-cannon-factor', '', (u) => u.nightCannonFactor),
  ],
};

const SENSOR: { [K in Exclude<SensorSpec['type'], 'ideal'>]: Read<Extract<SensorSpec, { type: K }>>[] } = {
  radar: [
    ['scan-period', 's', (s) => s.scanPeriodS],
    ['antenna-height', 'm', (s) => s.antennaHeightM],
    ['latency', 's', (s) => s.latencyS],
    ['range', 'm', (s) => s.rangeM],
    ['reference-snr-db', '', (s) => 10 * Math.log10(s.referenceSnr)],
    ['reference-range', 'm', (s) => s.referenceRangeM],
    ['reference-rcs', 'm²', (s) => s.referenceRcsM2],
    ['pfa', '', (s) => s.pfa],
    ['range-error', 'm', (s) => s.rangeSigmaM],
    ['bearing-error', 'rad', (s) => s.bearingSigmaRad],
    ['elevation-error', 'rad', (s) => s.elevationSigmaRad],
    ['clutter-per-scan', '', (s) => s.clutterPerScan],
  ],
  acoustic: [
    ['scan-period', 's', (s) => s.scanPeriodS],
    ['latency', 's', (s) => s.latencyS],
    ['pd-node', '', (s) => s.pdNode],
    ['bearing-error', 'rad', (s) => s.bearingSigmaRad],
  ],
  observer: [
    ['scan-period', 's', (s) => s.scanPeriodS],
    ['sighting-range', 'm', (s) => s.sightingRangeM],
    ['sightings-per-minute', '', (s) => s.sightingRatePerS * 60],
    ['position-error', 'm', (s) => s.positionSigmaM],
    ['delay-min', 's', (s) => s.delayMinS],
    ['delay-max', 's', (s) => s.delayMaxS],
  ],
};

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

export function figureProvenance(scenario: Scenario): FigureProvenance[] {
  const out: FigureProvenance[] = [];
  const rows = new Map<string, FigureProvenance>();
  const note = (
    section: CatalogSection,
    entry: CatalogEntry,
    figure: string,
    unit: string,
    name: string,
    value: number,
  ) => {
    const catalog = entry.figures[figure];
    if (!catalog || !Number.isFinite(value)) return;
    const key = `${section}\0${entry.name}\0${figure}`;
    let row = rows.get(key);
    if (!row) {
      row = { section, entry: entry.name, figure, catalog, unit, usedBy: [], overriddenBy: [] };
      rows.set(key, row);
      out.push(row);
    }
    if (same(value, catalog.typical)) row.usedBy.push(name);
    else row.overriddenBy.push({ name, value });
  };

  // Threat types, each used by the waves that launch it (a wave's own variant is `type@wave`).
  scenario.threatTypes.forEach((type, i) => {
    const entry = catalogEntry('threats', type.name.split('@')[0]);
    if (!entry) return;
    for (const wave of scenario.waves.filter((w) => w.threatType === i))
      for (const [figure, unit, value] of THREAT)
        note('threats', entry, figure, unit, wave.name, value(type));
  });

  for (const u of scenario.defenders) {
    const own = catalogEntry('defenders', u.catalogType);
    if (!own) continue;
    // A jet fires its missile: weapon figures come from the missile's entry first.
    const missile = u.kind === 'jet' ? catalogEntry('defenders', u.missile) : undefined;
    const sources = missile ? [missile, own] : [own];
    const sourceOf = (figure: string) => sources.find((s) => s.figures[figure] !== undefined);
    for (const [figure, unit, value] of [...WEAPON, ...BY_KIND[u.kind]]) {
      const source = sourceOf(figure);
      if (source) note('defenders', source, figure, unit, u.name, value(u));
    }
    scenario.threatTypes.forEach((t, i) => {
      const specific = `pk-${t.name.split('@')[0]}`;
      const source = sourceOf(specific) ?? sourceOf('pk');
      if (!source) return;
      const figure = source.figures[specific] ? specific : 'pk';
      note('defenders', source, figure, '', `${u.name} vs ${t.name}`, u.pkByThreatType[i]);
    });
  }

  for (const a of scenario.assets) {
    const entry = catalogEntry('assets', a.kind);
    if (entry) note('assets', entry, 'restoration', 's', a.name, a.restorationS);
  }

  // Sensor defaults, then what each sensor sees of each threat type.
  for (const s of scenario.sensors) {
    if (s.type === 'ideal') continue;
    const entry = catalogEntry('sensors', s.type);
    if (!entry) continue;
    for (const [figure, unit, value] of SENSOR[s.type] as Read<SensorSpec>[])
      note('sensors', entry, figure, unit, s.name, value(s));
    scenario.threatTypes.forEach((t, i) => {
      const threat = signatureEntry(t.name);
      const user = `${s.name} vs ${t.name}`;
      if (s.type === 'radar') {
        const [source, figure] = threat?.figures.rcs ? [threat, 'rcs'] : [entry, 'unknown-rcs'];
        note(source === entry ? 'sensors' : 'threats', source, figure, 'm²', user, s.rcsM2ByThreatType[i]);
      }
      if (s.type === 'acoustic') {
        // The class is the catalog's unless the scenario's `noise:` names another; a hearing range
        // that is not the class's (either way) shows as overridden.
        const noise = signatureOf(t.name).noise;
        const trait = threat?.traits?.noise ? threat : undefined;
        if (trait) noteTrait('threats', trait, 'noise', user);
        else noteTrait('sensors', entry, 'unknown-noise', user);
        note('sensors', entry, `hearing-range-${noise}`, 'm', user, s.hearingRangeMByThreatType[i]);
      }
    });
  }
  return out;

  function noteTrait(section: CatalogSection, entry: CatalogEntry, trait: string, name: string): void {
    const catalog = entry.traits?.[trait];
    if (!catalog) return;
    const key = `${section}\0${entry.name}\0${trait}`;
    let row = rows.get(key);
    if (!row) {
      row = { section, entry: entry.name, figure: trait, catalog, unit: '', usedBy: [], overriddenBy: [] };
      rows.set(key, row);
      out.push(row);
    }
    row.usedBy.push(name);
  }
}
