// Generated from data/catalog/*.yaml by `npm run catalog`: do not edit by hand.

import type { Catalog } from './catalog.js';

export const CATALOG_DATA: Catalog = {
  defenders: [
    {
      name: 'sting-interceptor',
      kind: 'interceptor-drone',
      description: 'Sting-class interceptor drone (Wild Hornets), operator-guided',
      figures: {
        speed: {
          typical: 77.77777777777779,
          high: 111.11111111111111,
          source: 'class record 400 km/h (wonderfulengineering); Sting-specific speed not found',
          verified: false,
        },
        endurance: {
          typical: 900,
          source: 'not found; modelling assumption',
          verified: false,
        },
        'engagement-radius': {
          typical: 15,
          source: 'modelling assumption (proximity kill)',
          verified: false,
        },
        'acquisition-range': {
          typical: 1500,
          source: 'modelling assumption (thermal camera lock)',
          verified: false,
        },
        pk: {
          typical: 0.68,
          source: 'Zelensky, Oct 2025: 68% success; 2–3 used per Shahed',
          verified: true,
        },
        cost: {
          typical: 2500,
          source: 'digi24 2026-03 (TVPWorld)',
          verified: true,
        },
        'launch-interval': {
          typical: 60,
          source: 'modelling assumption',
          verified: false,
        },
        crews: {
          typical: 2,
          source: 'modelling assumption: operators per team',
          verified: false,
        },
      },
    },
    {
      name: 'interceptor-drone',
      kind: 'interceptor-drone',
      description: 'Generic interceptor drone of the $3.5–6k class',
      figures: {
        speed: {
          typical: 69.44444444444444,
          low: 55.55555555555556,
          high: 111.11111111111111,
          source: 'class figures (wonderfulengineering)',
          verified: false,
        },
        endurance: {
          typical: 900,
          source: 'modelling assumption',
          verified: false,
        },
        'engagement-radius': {
          typical: 15,
          source: 'modelling assumption',
          verified: false,
        },
        'acquisition-range': {
          typical: 1500,
          source: 'modelling assumption',
          verified: false,
        },
        pk: {
          typical: 0.6,
          source: 'below the 68% quoted for Sting; modelling assumption',
          verified: false,
        },
        cost: {
          typical: 5000,
          low: 3500,
          high: 6000,
          source: 'Zelensky to Fox (Oct 2025); Fedorov via Business Insider',
          verified: true,
        },
        'launch-interval': {
          typical: 60,
          source: 'modelling assumption',
          verified: false,
        },
        crews: {
          typical: 2,
          source: 'modelling assumption',
          verified: false,
        },
      },
    },
  ],
  threats: [
    {
      name: 'shahed-136',
      kind: 'one-way-attack-drone',
      description: 'Shahed-136 / Geran-2 one-way attack drone, piston engine',
      decoy: false,
      figures: {
        speed: {
          typical: 51.38888888888889,
          high: 83.33333333333334,
          source: 'euronews.ro; tech.wp.pl; DW via uol.com.br 2025-06-30 (newer variants 200–300 km/h)',
          verified: true,
        },
        altitude: {
          typical: 500,
          low: 50,
          high: 2000,
          source:
            'low-level profile 50–1,000 m only in a hobby threat catalogue; "altitudes mobile fire groups cannot reach" (Zelensky via RBC-Ukraine, 2025)',
          verified: false,
        },
        warhead: {
          typical: 40,
          high: 60,
          source: 'evz.ro; euronews.ro; Deutschlandfunk 2024-09-21',
          verified: true,
        },
        cost: {
          typical: 35000,
          low: 20000,
          high: 70000,
          source: 'CSIS Feb and May 2025; CNN citing Ukrainian intelligence 2025',
          verified: true,
        },
        range: {
          typical: 2000000,
          low: 1000000,
          high: 2500000,
          source: 'euronews.ro; NDTV 2026-02-28',
          verified: true,
        },
        dive: {
          typical: 0.5235987755982988,
          source: 'modelling assumption',
          verified: false,
        },
        rcs: {
          typical: 0.01,
          source: 'hobby catalogue, m²',
          verified: false,
        },
      },
    },
    {
      name: 'gerbera',
      kind: 'decoy',
      description: 'Gerbera decoy, plywood and styrofoam Shahed look-alike without a warhead',
      decoy: true,
      figures: {
        speed: {
          typical: 44.44444444444444,
          source: 'assumed close to the Shahed it imitates',
          verified: false,
        },
        altitude: {
          typical: 500,
          source: 'assumed close to the Shahed it imitates',
          verified: false,
        },
        warhead: {
          typical: 0,
          source: 'onlytrusted.news (CNN); theins.news',
          verified: true,
        },
        cost: {
          typical: 5000,
          low: 1000,
          high: 10000,
          source: 'no authoritative unit cost; op-ed range "a few hundred to a few thousand $"',
          verified: false,
        },
        range: {
          typical: 800000,
          source: 'modelling assumption',
          verified: false,
        },
        dive: {
          typical: 0.5235987755982988,
          source: 'modelling assumption',
          verified: false,
        },
        rcs: {
          typical: 0.01,
          source: 'assumed equal to the Shahed it imitates, m²',
          verified: false,
        },
      },
    },
    {
      name: 'geran-3',
      kind: 'jet-attack-drone',
      description: 'Jet-powered Geran-3 / Shahed-238-type attack drone',
      decoy: false,
      figures: {
        speed: {
          typical: 152.77777777777777,
          low: 138.88888888888889,
          high: 166.66666666666669,
          source: 'ziare.com 2025-08 (Klymenko, Ihnat, Krivolap, Narozhnyi)',
          verified: true,
        },
        altitude: {
          typical: 3000,
          high: 9000,
          source: 'ziare.com 2025-08 (up to 9 km)',
          verified: true,
        },
        warhead: {
          typical: 50,
          source: 'assumed near the Shahed warhead',
          verified: false,
        },
        cost: {
          typical: 600000,
          low: 300000,
          high: 1000000,
          source: 'ziare.com 2025-08 (expert estimate, up to $1M)',
          verified: false,
        },
        range: {
          typical: 1000000,
          source: 'modelling assumption',
          verified: false,
        },
        dive: {
          typical: 0.6108652381980153,
          source: 'modelling assumption',
          verified: false,
        },
        rcs: {
          typical: 0.05,
          source: 'modelling assumption, m²',
          verified: false,
        },
      },
    },
    {
      name: 'kh-101',
      kind: 'cruise-missile',
      description: 'Kh-101-class air-launched cruise missile, terrain-following at low altitude',
      decoy: false,
      figures: {
        speed: {
          typical: 250,
          source: 'exxpress.at; agenpress (Ihnat)',
          verified: true,
        },
        altitude: {
          typical: 50,
          low: 30,
          high: 70,
          source: 'commonly quoted 30–70 m cruise altitude',
          verified: false,
        },
        warhead: {
          typical: 400,
          source: 'IBTimes (Forbes Ukraine)',
          verified: true,
        },
        cost: {
          typical: 13000000,
          source: 'IBTimes (Forbes Ukraine)',
          verified: true,
        },
        range: {
          typical: 4500000,
          low: 4000000,
          high: 5500000,
          source: 'asawahil (Krivolap)',
          verified: true,
        },
        dive: {
          typical: 0.3490658503988659,
          source: 'modelling assumption',
          verified: false,
        },
        rcs: {
          typical: 0.01,
          source: 'modelling assumption (low-observable design), m²',
          verified: false,
        },
      },
    },
  ],
};
