// The details card over the map: what the pointer is over (hover), or what was clicked (kept and
// followed as time moves, until closed with ✕, Escape or a click on empty map).

import type { Details, Picked } from './entity-details.js';

export class DetailsCard {
  private readonly card = document.createElement('section');
  private readonly title = document.createElement('h3');
  private readonly rows = document.createElement('dl');
  /** What is shown, and whether it was clicked (pinned) rather than hovered. */
  private shown: Picked | undefined;
  private pinned = false;

  constructor(
    container: HTMLElement,
    private readonly describe: (picked: Picked) => Details | undefined,
    private readonly onSelect: (picked: Picked | undefined) => void,
  ) {
    this.card.className = 'details-card';
    this.card.setAttribute('aria-live', 'polite');
    this.card.setAttribute('aria-label', 'Details');
    this.card.hidden = true;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'details-close';
    close.setAttribute('aria-label', 'Close the details');
    close.textContent = '✕';
    close.addEventListener('click', () => this.pin(undefined));
    const head = document.createElement('header');
    head.append(this.title, close);
    this.card.append(head, this.rows);
    container.append(this.card);
  }

  get current(): Picked | undefined {
    return this.shown;
  }

  /** A click: keeps `picked` on show (or, on empty map, closes the card). */
  pin(picked: Picked | undefined): void {
    this.pinned = picked !== undefined;
    this.set(picked);
  }

  /** The pointer moved: shows what it is over unless something is pinned. */
  hover(picked: Picked | undefined): void {
    if (!this.pinned) this.set(picked);
  }

  /** Re-reads what is on show at the current moment (it moves, its target comes closer). */
  refresh(): void {
    if (!this.shown) return;
    const details = this.describe(this.shown);
    if (!details) {
      this.set(undefined);
      return;
    }
    if (this.title.textContent !== details.title) this.title.textContent = details.title;
    if (this.rows.childElementCount !== details.rows.length * 2) {
      this.rows.replaceChildren(
        ...details.rows.flatMap(() => [document.createElement('dt'), document.createElement('dd')]),
      );
    }
    details.rows.forEach(([label, value], i) => {
      const dt = this.rows.children[2 * i];
      const dd = this.rows.children[2 * i + 1] as HTMLElement;
      if (dt.textContent !== label) dt.textContent = label;
      if (dd.textContent !== value) dd.textContent = value;
      dd.dataset.detail = label;
    });
  }

  private set(picked: Picked | undefined): void {
    const same = picked && this.shown && picked.kind === this.shown.kind && picked.id === this.shown.id;
    if (same || (!picked && !this.shown)) return;
    this.shown = picked;
    this.card.hidden = !picked;
    this.card.dataset.kind = picked?.kind ?? '';
    this.onSelect(picked);
    this.refresh();
  }
}
