// The catalog figures the loaded scenario runs with, and where they come from: for each platform
// parameter in use, the catalog's value and range, its source, whether that source could be read
// (unverified figures first, flagged), which units, waves, assets or sensors use it, and which
// override it with a value of their own. Computed here from the scenario with the parser's own catalog.

import type { Scenario } from '../model/scenario.js';
import { figureProvenance, type FigureProvenance } from '../scenario/figure-provenance.js';
import { humanValue } from '../scenario/human-value.js';

export { humanValue };

export class ProvenancePanel {
  private rows: FigureProvenance[] = [];
  private readonly list: HTMLElement;
  private readonly count: HTMLElement;
  private readonly filter: HTMLSelectElement;

  constructor(panel: HTMLElement) {
    this.list = panel.querySelector<HTMLElement>('#figures')!;
    this.count = panel.querySelector<HTMLElement>('#figures-count')!;
    this.filter = panel.querySelector<HTMLSelectElement>('#figures-filter')!;
    this.filter.addEventListener('change', () => this.render());
  }

  show(scenario: Scenario): void {
    // Unverified first, then by catalog entry, as the catalog lists them.
    this.rows = figureProvenance(scenario).sort(
      (a, b) => Number(a.catalog.verified) - Number(b.catalog.verified),
    );
    const unverified = this.rows.filter((r) => !r.catalog.verified);
    this.count.textContent = `· ${unverified.length} unverified of ${this.rows.length} in use`;
    this.render();
  }

  private render(): void {
    const shown = this.filter.value === 'all' ? this.rows : this.rows.filter((r) => !r.catalog.verified);
    if (shown.length === 0) {
      this.list.textContent =
        this.rows.length === 0
          ? 'No catalog figures in use.'
          : 'Every catalog figure in use has a readable source.';
      return;
    }
    const ul = document.createElement('ul');
    ul.className = 'figures';
    for (const r of shown) ul.append(item(r));
    this.list.replaceChildren(ul);
  }
}

function item(r: FigureProvenance): HTMLLIElement {
  const li = document.createElement('li');
  li.className = r.catalog.verified ? 'verified' : 'unverified';
  li.dataset.figure = `${r.entry}.${r.figure}`;
  const head = document.createElement('div');
  head.className = 'figure-head';
  const name = document.createElement('span');
  name.className = 'figure-name';
  name.textContent = `${r.entry}.${r.figure}`;
  const value = document.createElement('span');
  value.className = 'figure-value';
  const c = r.catalog;
  if ('value' in c) value.textContent = c.value;
  else {
    const range =
      c.low !== undefined && c.high !== undefined
        ? ` (${humanValue(c.low, r.unit)} – ${humanValue(c.high, r.unit)})`
        : c.low !== undefined
          ? ` (low ${humanValue(c.low, r.unit)})`
          : c.high !== undefined
            ? ` (high ${humanValue(c.high, r.unit)})`
            : '';
    value.textContent = `${humanValue(c.typical, r.unit)}${range}`;
  }
  head.append(name, value);
  if (!c.verified) {
    const flag = document.createElement('span');
    flag.className = 'figure-flag';
    flag.textContent = 'unverified';
    flag.title = 'No source for this figure could be read: treat it as an assumption.';
    head.append(flag);
  }
  const source = document.createElement('div');
  source.className = 'figure-source';
  source.textContent = `source: ${c.source || 'none given'}`;
  li.append(head, source);
  const use = document.createElement('div');
  use.className = 'figure-use';
  const parts: string[] = [];
  if (r.usedBy.length > 0) parts.push(`used by ${r.usedBy.join(', ')}`);
  if (r.overriddenBy.length > 0)
    parts.push(
      `overridden by the scenario: ${r.overriddenBy.map((o) => `${o.name} (${humanValue(o.value, r.unit)})`).join(', ')}`,
    );
  use.textContent = parts.join(' · ');
  if (r.overriddenBy.length > 0) li.classList.add('overridden');
  if (r.usedBy.length === 0) li.classList.add('all-overridden');
  li.append(use);
  return li;
}
