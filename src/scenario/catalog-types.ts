// The shape of the platform catalog (data in data/catalog/*.yaml, generated into catalog-data.ts).

export interface Figure {
  typical: number;
  low?: number;
  high?: number;
  source: string;
  verified: boolean;
}

/** A fact that is not a number (a threat's engine-noise class), recorded like a figure. */
export interface Trait {
  value: string;
  source: string;
  verified: boolean;
}

export interface CatalogEntry {
  name: string;
  /** What engine component it is: one-way-attack-drone, decoy, cruise-missile, interceptor-drone … */
  kind: string;
  description: string;
  decoy?: boolean;
  /** Jets: the catalog name of the missile they carry. */
  weapon?: string;
  /** Asset kinds: how critical such an asset usually is. */
  criticality?: string;
  /** Threats: `noise`, the engine-noise class acoustic sensors hear. */
  traits?: Record<string, Trait>;
  /** Figures in SI units (m, s, m/s, kg, rad; costs in US dollars). */
  figures: Record<string, Figure>;
}

export type CatalogSection = 'threats' | 'defenders' | 'assets' | 'sensors' | (string & {});

export type Catalog = Record<CatalogSection, CatalogEntry[]>;
