// Generated from data/catalog/*.yaml by `npm run catalog`: do not edit by hand.

import type { Catalog } from './catalog-types.js';

export const CATALOG_DATA: Catalog = {
  assets: [
    {
      name: 'power-plant',
      kind: 'asset-kind',
      description: 'Thermal, hydro or nuclear generating plant',
      criticality: 'vital',
      figures: {
        restoration: {
          typical: 15552000,
          low: 2592000,
          high: 31536000,
          source: 'planning assumption (turbine-hall and transformer repair)',
          verified: false,
        },
      },
    },
    {
      name: 'substation',
      kind: 'asset-kind',
      description: 'High-voltage transmission substation',
      criticality: 'vital',
      figures: {
        restoration: {
          typical: 1814400,
          low: 604800,
          high: 7776000,
          source: 'planning assumption (autotransformer replacement from stock)',
          verified: false,
        },
      },
    },
    {
      name: 'heating',
      kind: 'asset-kind',
      description: 'Combined heat-and-power or district heating plant',
      criticality: 'high',
      figures: {
        restoration: {
          typical: 5184000,
          low: 1209600,
          high: 15552000,
          source: 'planning assumption',
          verified: false,
        },
      },
    },
    {
      name: 'water',
      kind: 'asset-kind',
      description: 'Water intake, treatment or pumping station',
      criticality: 'vital',
      figures: {
        restoration: {
          typical: 864000,
          low: 259200,
          high: 2592000,
          source: 'planning assumption',
          verified: false,
        },
      },
    },
    {
      name: 'rail',
      kind: 'asset-kind',
      description: 'Rail station, depot or traction substation',
      criticality: 'medium',
      figures: {
        restoration: {
          typical: 259200,
          low: 86400,
          high: 1209600,
          source: 'planning assumption',
          verified: false,
        },
      },
    },
    {
      name: 'bridge',
      kind: 'asset-kind',
      description: 'Road or rail bridge',
      criticality: 'high',
      figures: {
        restoration: {
          typical: 10368000,
          low: 2592000,
          high: 31536000,
          source: 'planning assumption',
          verified: false,
        },
      },
    },
    {
      name: 'fuel-depot',
      kind: 'asset-kind',
      description: 'Fuel storage',
      criticality: 'medium',
      figures: {
        restoration: {
          typical: 2592000,
          low: 604800,
          high: 7776000,
          source: 'planning assumption',
          verified: false,
        },
      },
    },
    {
      name: 'airfield',
      kind: 'asset-kind',
      description: 'Airfield or airbase',
      criticality: 'high',
      figures: {
        restoration: {
          typical: 604800,
          low: 86400,
          high: 2592000,
          source: 'planning assumption (runway repair)',
          verified: false,
        },
      },
    },
    {
      name: 'industry',
      kind: 'asset-kind',
      description: 'Industrial plant',
      criticality: 'medium',
      figures: {
        restoration: {
          typical: 7776000,
          low: 1209600,
          high: 31536000,
          source: 'planning assumption',
          verified: false,
        },
      },
    },
    {
      name: 'government',
      kind: 'asset-kind',
      description: 'Government building',
      criticality: 'high',
      figures: {
        restoration: {
          typical: 5184000,
          low: 604800,
          high: 15552000,
          source: 'planning assumption',
          verified: false,
        },
      },
    },
    {
      name: 'telecom',
      kind: 'asset-kind',
      description: 'Telecommunications node',
      criticality: 'high',
      figures: {
        restoration: {
          typical: 432000,
          low: 86400,
          high: 2592000,
          source: 'planning assumption',
          verified: false,
        },
      },
    },
    {
      name: 'city-district',
      kind: 'asset-kind',
      description: 'Residential or mixed urban district',
      criticality: 'high',
      figures: {
        restoration: {
          typical: 2592000,
          low: 604800,
          high: 15552000,
          source: 'planning assumption',
          verified: false,
        },
      },
    },
  ],
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
        ceiling: {
          typical: 5000,
          source: 'not found; modelling assumption',
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
        ceiling: {
          typical: 5000,
          source: 'not found; modelling assumption',
          verified: false,
        },
      },
    },
    {
      name: 'mobile-fire-group',
      kind: 'fire-group',
      description:
        'Mobile fire group on a pickup: heavy machine guns (DShK 12.7 mm, KPVT 14.5 mm) or ZU-23-2, thermal sights and a searchlight',
      figures: {
        range: {
          typical: 1500,
          low: 1000,
          high: 2500,
          source: 'no source found; 1–2 km suggested, ARBITER uses 2.5 km',
          verified: false,
        },
        ceiling: {
          typical: 1200,
          source:
            'not found; Shaheds now fly "at altitudes where mobile fire groups cannot reach" (Zelensky via RBC-Ukraine, 2025)',
          verified: false,
        },
        'night-range': {
          typical: 3000,
          source: 'searchlights light targets to about 3 km (topwar; txtreport, Pavlyuk)',
          verified: true,
        },
        setup: {
          typical: 60,
          source: 'crews ready in under a minute (vezha.ua; sundries.ua)',
          verified: true,
        },
        'relocation-speed': {
          typical: 16.666666666666668,
          source: 'modelling assumption (pickup on roads)',
          verified: false,
        },
        dwell: {
          typical: 2400,
          source: 'modelling assumption',
          verified: false,
        },
        'rounds-per-burst': {
          typical: 30,
          source: 'modelling assumption',
          verified: false,
        },
        'burst-interval': {
          typical: 6,
          source: 'modelling assumption',
          verified: false,
        },
        stock: {
          typical: 1500,
          source: 'modelling assumption: rounds carried',
          verified: false,
        },
        pk: {
          typical: 0.12,
          source: 'modelling assumption per burst',
          verified: false,
        },
        cost: {
          typical: 10,
          source: 'modelling assumption: per 12.7–23 mm round',
          verified: false,
        },
        speed: {
          typical: 850,
          source: 'modelling assumption: heavy machine gun muzzle velocity',
          verified: false,
        },
        endurance: {
          typical: 3,
          source: 'modelling assumption: projectile time of flight',
          verified: false,
        },
        'engagement-radius': {
          typical: 20,
          source: 'modelling assumption',
          verified: false,
        },
        'acquisition-range': {
          typical: 300,
          source: 'modelling assumption: gate around the track',
          verified: false,
        },
      },
    },
    {
      name: 'gepard',
      kind: 'gun',
      description: 'Flakpanzer Gepard self-propelled anti-aircraft gun, twin 35 mm',
      figures: {
        range: {
          typical: 4000,
          high: 6000,
          source: 'targets out to about 6 km (gazeta.pl; globalnews); effective slant range assumed lower',
          verified: false,
        },
        ceiling: {
          typical: 3000,
          source: 'modelling assumption',
          verified: false,
        },
        'rounds-per-burst': {
          typical: 36,
          source: '1,100 rds/min (gazeta.pl); a 2 s burst assumed',
          verified: false,
        },
        'burst-interval': {
          typical: 5,
          source: 'modelling assumption',
          verified: false,
        },
        stock: {
          typical: 640,
          source: 'modelling assumption: rounds aboard',
          verified: false,
        },
        pk: {
          typical: 0.45,
          source: 'modelling assumption per burst',
          verified: false,
        },
        cost: {
          typical: 150,
          source: 'no unit price found; 300,000 rounds ordered from Rheinmetall (regionalheute.de)',
          verified: false,
        },
        speed: {
          typical: 1100,
          source: 'modelling assumption: 35 mm muzzle velocity',
          verified: false,
        },
        endurance: {
          typical: 5,
          source: 'modelling assumption: projectile time of flight',
          verified: false,
        },
        'engagement-radius': {
          typical: 20,
          source: 'modelling assumption',
          verified: false,
        },
        'acquisition-range': {
          typical: 300,
          source: 'modelling assumption: gate around the track',
          verified: false,
        },
      },
    },
    {
      name: 'iris-t-slm',
      kind: 'sam',
      description: 'IRIS-T SLM fire unit, 3 launchers of 8 missiles',
      figures: {
        range: {
          typical: 40000,
          source: 'schwaebische.de; gagadget',
          verified: true,
        },
        ceiling: {
          typical: 20000,
          source: 'schwaebische.de; gagadget',
          verified: true,
        },
        'min-range': {
          typical: 1000,
          source: 'modelling assumption',
          verified: false,
        },
        'min-altitude': {
          typical: 20,
          source: 'modelling assumption',
          verified: false,
        },
        ready: {
          typical: 24,
          source: '3 launchers × 8 missiles (suv.report)',
          verified: true,
        },
        channels: {
          typical: 8,
          source: 'modelling assumption: missiles guided at once',
          verified: false,
        },
        stock: {
          typical: 48,
          source: 'modelling assumption: one full reload',
          verified: false,
        },
        reload: {
          typical: 1800,
          source: 'modelling assumption',
          verified: false,
        },
        reaction: {
          typical: 10,
          source: 'modelling assumption',
          verified: false,
        },
        'launch-interval': {
          typical: 3,
          source: 'modelling assumption',
          verified: false,
        },
        speed: {
          typical: 1000,
          source: 'modelling assumption (about Mach 3)',
          verified: false,
        },
        endurance: {
          typical: 50,
          source: 'modelling assumption: range / speed with margin',
          verified: false,
        },
        'engagement-radius': {
          typical: 15,
          source: 'modelling assumption (proximity fuze)',
          verified: false,
        },
        'acquisition-range': {
          typical: 10000,
          source: 'modelling assumption (IR seeker lock)',
          verified: false,
        },
        pk: {
          typical: 0.9,
          source: 'modelling assumption',
          verified: false,
        },
        cost: {
          typical: 500000,
          source: 'figure missing in source (fire unit €140M, schwaebische.de); ARBITER uses $500k',
          verified: false,
        },
      },
    },
    {
      name: 'patriot-pac-3',
      kind: 'sam',
      description: 'Patriot battery firing PAC-3 interceptors',
      figures: {
        range: {
          typical: 35000,
          high: 60000,
          source: 'modelling assumption (PAC-3 against cruise missiles)',
          verified: false,
        },
        ceiling: {
          typical: 20000,
          source: 'modelling assumption',
          verified: false,
        },
        'min-range': {
          typical: 3000,
          source: 'modelling assumption',
          verified: false,
        },
        'min-altitude': {
          typical: 30,
          source: 'modelling assumption',
          verified: false,
        },
        ready: {
          typical: 32,
          source: 'modelling assumption: launchers loaded with PAC-3',
          verified: false,
        },
        channels: {
          typical: 9,
          source: 'modelling assumption',
          verified: false,
        },
        stock: {
          typical: 64,
          source: 'modelling assumption',
          verified: false,
        },
        reload: {
          typical: 2700,
          source: 'modelling assumption',
          verified: false,
        },
        reaction: {
          typical: 15,
          source: 'modelling assumption',
          verified: false,
        },
        'launch-interval': {
          typical: 4,
          source: 'modelling assumption',
          verified: false,
        },
        speed: {
          typical: 1400,
          source: 'modelling assumption (above Mach 4)',
          verified: false,
        },
        endurance: {
          typical: 40,
          source: 'modelling assumption',
          verified: false,
        },
        'engagement-radius': {
          typical: 5,
          source: 'modelling assumption (hit-to-kill)',
          verified: false,
        },
        'acquisition-range': {
          typical: 15000,
          source: 'modelling assumption (Ka-band seeker)',
          verified: false,
        },
        pk: {
          typical: 0.85,
          source: 'modelling assumption',
          verified: false,
        },
        cost: {
          typical: 4000000,
          source: 'about $4M per interceptor (nolabels.org; news.mail.ru, Zelensky)',
          verified: true,
        },
      },
    },
    {
      name: 'mica',
      kind: 'air-to-air-missile',
      description: 'MICA IR/EM air-to-air missile (112 kg), carried by the Mirage 2000-5',
      figures: {
        range: {
          typical: 60000,
          high: 80000,
          source: '60–80 km air-launched (europesays; flight.com.gr)',
          verified: true,
        },
        speed: {
          typical: 1000,
          source: 'modelling assumption (about Mach 3)',
          verified: false,
        },
        endurance: {
          typical: 80,
          source: 'modelling assumption: range / speed with margin',
          verified: false,
        },
        'engagement-radius': {
          typical: 10,
          source: 'modelling assumption (proximity fuze)',
          verified: false,
        },
        'acquisition-range': {
          typical: 10000,
          source: 'modelling assumption (IR/EM seeker)',
          verified: false,
        },
        pk: {
          typical: 0.85,
          source:
            'modelling assumption; French Mirage 2000-5F downed about 10 Shaheds with MICA IR (air-cosmos)',
          verified: false,
        },
        cost: {
          typical: 650000,
          source: 'a little over €600k per missile, early 2000s (buenodia.com)',
          verified: true,
        },
      },
    },
    {
      name: 'mirage-2000-5',
      kind: 'jet',
      description: 'Dassault Mirage 2000-5 multirole fighter with MICA missiles and 2 × 30 mm cannon',
      weapon: 'mica',
      figures: {
        'dash-speed': {
          typical: 305.55555555555554,
          high: 648.8888888888889,
          source: 'Mach 2.2 / 2,336 km/h maximum (flyteam.jp); intercept speed with stores assumed',
          verified: false,
        },
        'cruise-speed': {
          typical: 236.11111111111111,
          source: 'modelling assumption',
          verified: false,
        },
        ceiling: {
          typical: 17000,
          source: 'ceiling 17 km (cittadinapoli)',
          verified: true,
        },
        sortie: {
          typical: 7200,
          source: 'combat radius not found; range 1,480–1,550 km with tanks (liveuttarpradesh)',
          verified: false,
        },
        turnaround: {
          typical: 2700,
          source: 'modelling assumption: refuel and rearm',
          verified: false,
        },
        scramble: {
          typical: 600,
          source: 'modelling assumption: quick reaction alert',
          verified: false,
        },
        loadout: {
          typical: 4,
          source: 'modelling assumption: 4 MICA per sortie',
          verified: false,
        },
        stock: {
          typical: 16,
          source: 'modelling assumption: missiles at the airbase',
          verified: false,
        },
        'launch-interval': {
          typical: 10,
          source: 'modelling assumption',
          verified: false,
        },
        'cannon-passes': {
          typical: 4,
          source: '2 × 30 mm cannon (flyteam.jp); passes assumed',
          verified: false,
        },
        'cannon-range': {
          typical: 800,
          source: 'modelling assumption',
          verified: false,
        },
        'cannon-pk': {
          typical: 0.4,
          source: 'modelling assumption per pass',
          verified: false,
        },
        'night-cannon-factor': {
          typical: 0.5,
          source: 'modelling assumption: visual aiming at night',
          verified: false,
        },
      },
    },
  ],
  sensors: [
    {
      name: 'radar',
      kind: 'radar',
      description: 'Ground surveillance radar, Swerling-1 target in noise, cell-averaging detector',
      figures: {
        'scan-period': {
          typical: 4,
          source: 'modelling assumption (rotating surveillance radar)',
          verified: false,
        },
        'antenna-height': {
          typical: 10,
          source: 'modelling assumption (mast)',
          verified: false,
        },
        latency: {
          typical: 1,
          source: 'modelling assumption (plot to picture)',
          verified: false,
        },
        range: {
          typical: 60000,
          source:
            'modelling assumption; no single small-target figure is meaningful (X-band FMCW saw a DJI Phantom 4 at up to 2 km: readkong, UPM paper)',
          verified: false,
        },
        'reference-snr-db': {
          typical: 20,
          source: 'modelling assumption: SNR in dB on the reference target at the reference range',
          verified: false,
        },
        'reference-range': {
          typical: 30000,
          source: 'modelling assumption',
          verified: false,
        },
        'reference-rcs': {
          typical: 1,
          source: 'modelling assumption: the reference target, m²',
          verified: false,
        },
        pfa: {
          typical: 0.000001,
          source: 'modelling assumption: false-alarm probability per cell',
          verified: false,
        },
        'range-error': {
          typical: 20,
          source: 'modelling assumption (1σ)',
          verified: false,
        },
        'bearing-error': {
          typical: 0.008726646259971648,
          source: 'modelling assumption (1σ)',
          verified: false,
        },
        'elevation-error': {
          typical: 0.017453292519943295,
          source: 'modelling assumption (1σ)',
          verified: false,
        },
        'clutter-per-scan': {
          typical: 5,
          source: 'modelling assumption: false plots per scan',
          verified: false,
        },
        'unknown-rcs': {
          typical: 0.1,
          source: 'modelling assumption: m², a threat type the catalog does not know',
          verified: false,
        },
      },
    },
    {
      name: 'acoustic',
      kind: 'acoustic',
      description: 'Network of microphone nodes that hear engines',
      traits: {
        'unknown-noise': {
          value: 'piston',
          source: 'modelling assumption: a threat type the catalog does not know',
          verified: false,
        },
      },
      figures: {
        'scan-period': {
          typical: 2,
          source: 'modelling assumption',
          verified: false,
        },
        latency: {
          typical: 2,
          source: 'modelling assumption (node to picture)',
          verified: false,
        },
        'hearing-range-electric': {
          typical: 800,
          source: 'not found; modelling assumption (quiet electric motor)',
          verified: false,
        },
        'hearing-range-piston': {
          typical: 3000,
          source:
            'per-node detection range not found; "treat as a parameter, e.g. 1–3 km" (public-figures B.4); modelling assumption',
          verified: false,
        },
        'hearing-range-jet': {
          typical: 5000,
          source: 'not found; modelling assumption (louder than piston)',
          verified: false,
        },
        'hearing-range-rocket': {
          typical: 8000,
          source: 'not found; modelling assumption',
          verified: false,
        },
        'pd-node': {
          typical: 0.8,
          source: 'modelling assumption: chance a node in range hears it per scan',
          verified: false,
        },
        'bearing-error': {
          typical: 0.08726646259971647,
          source: 'modelling assumption (1σ)',
          verified: false,
        },
      },
    },
    {
      name: 'observer',
      kind: 'observer',
      description: 'Visual observation posts reporting sightings by phone or messenger',
      figures: {
        'scan-period': {
          typical: 10,
          source: 'modelling assumption',
          verified: false,
        },
        'sighting-range': {
          typical: 3000,
          source: 'modelling assumption',
          verified: false,
        },
        'sightings-per-minute': {
          typical: 0.5,
          source: 'modelling assumption',
          verified: false,
        },
        'position-error': {
          typical: 1500,
          source: 'modelling assumption (1σ)',
          verified: false,
        },
        'delay-min': {
          typical: 60,
          source: 'modelling assumption: shortest report delay',
          verified: false,
        },
        'delay-max': {
          typical: 300,
          source: 'modelling assumption: longest report delay',
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
      traits: {
        noise: {
          value: 'piston',
          source:
            'a 50 hp engine (euronews.ro; tech.wp.pl), read as piston; engine type not read in a source',
          verified: false,
        },
      },
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
          typical: 0.1,
          low: 0.01,
          source:
            'm², frontal, X/S band: order 0.1 in open analyses (composite airframe, model value); "about 0.01 m²" only in a hobby catalogue (counteruavradar.com knowledge base)',
          verified: false,
        },
        'ew-susceptibility': {
          typical: 1,
          source: 'GNSS-guided: fully exposed to jamming and spoofing (modelling assumption)',
          verified: false,
        },
      },
    },
    {
      name: 'gerbera',
      kind: 'decoy',
      description: 'Gerbera decoy, plywood and styrofoam Shahed look-alike without a warhead',
      decoy: true,
      traits: {
        noise: {
          value: 'piston',
          source: 'small piston engine, as the Shahed it imitates (modelling assumption)',
          verified: false,
        },
      },
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
          typical: 0.05,
          source: 'm²: modelling assumption, smaller than the Shahed it imitates (foam and plywood)',
          verified: false,
        },
        'ew-susceptibility': {
          typical: 1,
          source: 'GNSS-guided like the Shahed it imitates (modelling assumption)',
          verified: false,
        },
      },
    },
    {
      name: 'geran-3',
      kind: 'jet-attack-drone',
      description: 'Jet-powered Geran-3 / Shahed-238-type attack drone',
      decoy: false,
      traits: {
        noise: {
          value: 'jet',
          source: 'jet-powered (ziare.com 2025-08)',
          verified: true,
        },
      },
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
          typical: 0.1,
          source: 'm²: modelling assumption, as the Shahed it derives from',
          verified: false,
        },
        'ew-susceptibility': {
          typical: 0.8,
          source: 'GNSS-guided, faster through the zone (modelling assumption)',
          verified: false,
        },
      },
    },
    {
      name: 'kh-101',
      kind: 'cruise-missile',
      description: 'Kh-101-class air-launched cruise missile, terrain-following at low altitude',
      decoy: false,
      traits: {
        noise: {
          value: 'jet',
          source: 'turbofan cruise missile (modelling assumption)',
          verified: false,
        },
      },
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
          source: 'm²: order 0.01 reported for a low-observable cruise missile; modelling assumption',
          verified: false,
        },
        'ew-susceptibility': {
          typical: 0.15,
          source: 'inertial with terrain and scene matching; GNSS a minor aid (modelling assumption)',
          verified: false,
        },
      },
    },
  ],
};
