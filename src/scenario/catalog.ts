// Built-in platform types with public figures. Each number carries its source and whether the
// source could be read; scenarios name these types and may override any field.

export interface Figure {
  value: number;
  low?: number;
  high?: number;
  source: string;
  verified: boolean;
}

export interface ThreatCatalogEntry {
  name: string;
  description: string;
  speedMps: Figure;
  cruiseAltitudeM: Figure;
  warheadKg: Figure;
  unitCost: Figure;
  rangeM: Figure;
  diveAngleDeg: Figure;
  decoy: boolean;
}

export interface InterceptorCatalogEntry {
  name: string;
  description: string;
  /** The engine component that flies it. */
  kind: 'interceptor-drone';
  speedMps: Figure;
  enduranceS: Figure;
  engagementRadiusM: Figure;
  acquisitionRangeM: Figure;
  pk: Figure;
  unitCost: Figure;
  launchIntervalS: Figure;
  maxConcurrentFlights: Figure;
}

const kmh = (v: number) => v / 3.6;

export const THREAT_CATALOG: readonly ThreatCatalogEntry[] = [
  {
    name: 'shahed-136',
    description: 'Shahed-136 / Geran-2 one-way attack drone, piston engine',
    speedMps: {
      value: kmh(185),
      high: kmh(300),
      source: 'euronews.ro; tech.wp.pl; DW 2025-06-30',
      verified: true,
    },
    cruiseAltitudeM: {
      value: 500,
      low: 50,
      high: 2000,
      source: 'hobby threat catalogue (50–1,000 m profile)',
      verified: false,
    },
    warheadKg: {
      value: 40,
      low: 40,
      high: 60,
      source: 'evz.ro; euronews.ro; Deutschlandfunk 2024-09-21',
      verified: true,
    },
    unitCost: {
      value: 35_000,
      low: 20_000,
      high: 70_000,
      source: 'CSIS Feb/May 2025; CNN citing Ukrainian intelligence 2025',
      verified: true,
    },
    rangeM: {
      value: 2_000_000,
      low: 1_000_000,
      high: 2_500_000,
      source: 'euronews.ro; NDTV 2026-02-28',
      verified: true,
    },
    diveAngleDeg: { value: 30, source: 'modelling assumption', verified: false },
    decoy: false,
  },
  {
    name: 'gerbera',
    description: 'Gerbera decoy: plywood and styrofoam Shahed look-alike, no warhead',
    speedMps: { value: kmh(160), source: 'assumed close to the Shahed it imitates', verified: false },
    cruiseAltitudeM: { value: 500, source: 'assumed close to the Shahed it imitates', verified: false },
    warheadKg: { value: 0, source: 'onlytrusted.news (CNN); theins.news', verified: true },
    unitCost: {
      value: 5_000,
      low: 1_000,
      high: 10_000,
      source: 'no authoritative figure; op-ed range',
      verified: false,
    },
    rangeM: { value: 800_000, source: 'modelling assumption', verified: false },
    diveAngleDeg: { value: 30, source: 'modelling assumption', verified: false },
    decoy: true,
  },
  {
    name: 'geran-3',
    description: 'Jet-powered Geran-3 / Shahed-238-type attack drone',
    speedMps: {
      value: kmh(550),
      low: kmh(500),
      high: kmh(600),
      source: 'ziare.com 2025-08 (Klymenko, Ihnat)',
      verified: true,
    },
    cruiseAltitudeM: { value: 3000, high: 9000, source: 'ziare.com 2025-08 (up to 9 km)', verified: true },
    warheadKg: { value: 50, source: 'assumed near the Shahed warhead', verified: false },
    unitCost: {
      value: 600_000,
      low: 300_000,
      high: 1_000_000,
      source: 'ziare.com 2025-08 (expert estimate, up to $1M)',
      verified: false,
    },
    rangeM: { value: 1_000_000, source: 'modelling assumption', verified: false },
    diveAngleDeg: { value: 35, source: 'modelling assumption', verified: false },
    decoy: false,
  },
  {
    name: 'kh-101',
    description: 'Kh-101-class air-launched cruise missile, terrain-following',
    speedMps: { value: kmh(900), source: 'exxpress.at; agenpress (Ihnat)', verified: true },
    cruiseAltitudeM: { value: 50, low: 30, high: 70, source: 'commonly quoted 30–70 m', verified: false },
    warheadKg: { value: 400, source: 'IBTimes (Forbes Ukraine)', verified: true },
    unitCost: { value: 13_000_000, source: 'IBTimes (Forbes Ukraine)', verified: true },
    rangeM: {
      value: 4_500_000,
      low: 4_000_000,
      high: 5_500_000,
      source: 'asawahil (Krivolap)',
      verified: true,
    },
    diveAngleDeg: { value: 20, source: 'modelling assumption', verified: false },
    decoy: false,
  },
];

export const INTERCEPTOR_CATALOG: readonly InterceptorCatalogEntry[] = [
  {
    name: 'sting-interceptor',
    description: 'Sting-class interceptor drone (Wild Hornets), operator-guided',
    kind: 'interceptor-drone',
    speedMps: {
      value: kmh(280),
      high: kmh(400),
      source: 'class record 400 km/h (wonderfulengineering); Sting figure not found',
      verified: false,
    },
    enduranceS: { value: 900, source: 'not found; modelling assumption', verified: false },
    engagementRadiusM: { value: 15, source: 'modelling assumption (proximity kill)', verified: false },
    acquisitionRangeM: { value: 1500, source: 'modelling assumption (thermal camera lock)', verified: false },
    pk: { value: 0.68, source: 'Zelensky, Oct 2025: 68% success', verified: true },
    unitCost: { value: 2_500, source: 'digi24 2026-03 (TVPWorld)', verified: true },
    launchIntervalS: { value: 60, source: 'modelling assumption', verified: false },
    maxConcurrentFlights: { value: 2, source: 'modelling assumption: operators per team', verified: false },
  },
  {
    name: 'interceptor-drone',
    description: 'Generic interceptor drone of the $3.5–6k class',
    kind: 'interceptor-drone',
    speedMps: {
      value: kmh(250),
      low: kmh(200),
      high: kmh(400),
      source: 'class figures (wonderfulengineering)',
      verified: false,
    },
    enduranceS: { value: 900, source: 'modelling assumption', verified: false },
    engagementRadiusM: { value: 15, source: 'modelling assumption', verified: false },
    acquisitionRangeM: { value: 1500, source: 'modelling assumption', verified: false },
    pk: { value: 0.6, source: 'below the 68% quoted for Sting; modelling assumption', verified: false },
    unitCost: {
      value: 5_000,
      low: 3_500,
      high: 6_000,
      source: 'Zelensky to Fox (Oct 2025); Fedorov via Business Insider',
      verified: true,
    },
    launchIntervalS: { value: 60, source: 'modelling assumption', verified: false },
    maxConcurrentFlights: { value: 2, source: 'modelling assumption', verified: false },
  },
];
