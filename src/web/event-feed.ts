// The event feed: what happened, in order, as buttons; choosing one moves time and the map to it.

import type { AssignmentTerms, SimEvent } from '../model/events.js';
import type { Replay } from './replay.js';
import { clockLabel } from './scenario-clock.js';

/** How long the feed stops following the clock after the reader scrolls it. */
const FOLLOW_PAUSE_MS = 4000;

const KEY_KINDS = new Set<SimEvent['kind']>(['kill', 'impact', 'expired', 'lost-ew', 'interceptor-lost']);

/** An assignment's gain term by term: value at risk × P(real) × others miss × Pk − price (+ commitment). */
export function describeTerms(x: AssignmentTerms): string {
  const commitment = x.commitment !== 0 ? ` + commitment ${x.commitment.toFixed(1)}` : '';
  return (
    `value at risk ${x.valueAtRisk.toFixed(1)} × P(real) ${(1 - x.pDecoy).toFixed(2)} × others miss ` +
    `${x.othersMiss.toFixed(2)} × Pk ${x.pk.toFixed(2)} − price ${x.price.toPrecision(2)}${commitment}`
  );
}

export function describeEvent(e: SimEvent): string {
  switch (e.kind) {
    case 'threat-launch':
      return `${e.type} #${e.threat} launched (${e.wave}) → ${e.aim}`;
    case 'interceptor-launch':
      return `${e.unit} launches flight ${e.flight} on track ${e.track}`;
    case 'intercept-attempt':
      return `flight ${e.flight} engages ${e.type} #${e.threat} (Pk ${e.pk.toFixed(2)})`;
    case 'kill':
      return `${e.unit} destroys ${e.type} #${e.threat}, ${(e.nearestAssetM / 1000).toFixed(1)} km out`;
    case 'miss':
      return `flight ${e.flight} misses ${e.type} #${e.threat}`;
    case 'impact':
      return `${e.type} #${e.threat} hits ${e.asset} (−${e.valueLost.toFixed(0)})`;
    case 'expired':
      return `${e.type} #${e.threat} ${e.reason === 'decoy-spent' ? 'decoy spent' : e.reason.replace(/-/g, ' ')}`;
    case 'lost-ew':
      return `${e.type} #${e.threat} lost to EW in ${e.zone} (${e.mode})`;
    case 'interceptor-lost':
      return `${e.unit} flight ${e.flight} lost (${e.reason})`;
    case 'assignment':
      return e.track < 0
        ? `${e.unit} recalls flight ${e.flight}`
        : `${e.unit} ${e.flight < 0 ? 'launches' : `re-vectors flight ${e.flight}`} on track ${e.track} (gain ${e.gain.toFixed(1)}${e.terms ? ` = ${describeTerms(e.terms)}` : ''})`;
    case 'interceptor-recovered':
      return `${e.unit} flight ${e.flight} recovered`;
    case 'resupply':
      return `${e.unit} receives ${e.amount} interceptors`;
    case 'reloaded':
      return `${e.unit} reloaded: ${e.missiles} missiles ready`;
    case 'sortie':
      return `${e.unit} takes off (${e.mission === 'cap' ? 'combat air patrol' : 'scramble'})`;
    case 'landed':
      return `${e.unit} lands, ${e.missilesLeft} missiles left`;
  }
}

export class EventFeed {
  private items: { index: number; li: HTMLLIElement }[] = [];
  private current = -1;
  private replay: Replay | undefined;

  /** When the reader last scrolled the list by hand: the feed leaves it alone for a while after. */
  private readByHandAt = -Infinity;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly onChoose: (index: number) => void,
  ) {
    list.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest('button');
      if (button?.dataset.index) this.onChoose(Number(button.dataset.index));
    });
    const byHand = () => (this.readByHandAt = performance.now());
    for (const kind of ['wheel', 'touchmove', 'pointerdown'] as const)
      list.addEventListener(kind, byHand, { passive: true });
  }

  /** The feed follows the clock unless the reader is scrolling it or pointing into it. */
  private get following(): boolean {
    return performance.now() - this.readByHandAt > FOLLOW_PAUSE_MS && !this.list.matches(':hover');
  }

  show(replay: Replay, filter: 'key' | 'all'): void {
    this.replay = replay;
    this.list.replaceChildren();
    this.items = [];
    this.current = -1;
    const fragment = document.createDocumentFragment();
    replay.events.forEach((e, index) => {
      if (filter === 'key' && !KEY_KINDS.has(e.kind)) return;
      const li = document.createElement('li');
      li.className = 'future';
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.index = String(index);
      button.dataset.kind = e.kind;
      button.title = describeEvent(e);
      const time = document.createElement('span');
      time.textContent = clockLabel(replay.scenario.startIso, e.t).split(' ')[0];
      const text = document.createElement('span');
      text.className = e.kind;
      text.textContent = button.title;
      button.append(time, text);
      li.append(button);
      fragment.append(li);
      this.items.push({ index, li });
    });
    this.list.append(fragment);
  }

  /**
   * Marks what has happened by now and keeps the latest of it in view (the top of the list before
   * the first), whether time moves by playing, scrubbing, keys or a shared link; `follow: false`
   * only marks.
   */
  setTime(t: number, follow = true): void {
    if (!this.replay) return;
    const count = this.replay.eventCountAt(t);
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].index < count) lo = mid + 1;
      else hi = mid;
    }
    const current = lo - 1;
    if (current === this.current) {
      if (follow && this.following) this.reveal(current);
      return;
    }
    const from = Math.max(0, Math.min(current, this.current));
    const to = Math.max(current, this.current);
    for (let i = from; i <= to && i < this.items.length; i++) {
      this.items[i].li.className = i < current ? 'past' : i === current ? 'current' : 'future';
    }
    if (
      this.current >= 0 &&
      this.current < this.items.length &&
      this.current !== current &&
      this.current > to
    ) {
      this.items[this.current].li.className = 'future';
    }
    this.current = current;
    if (follow && this.following) this.reveal(current);
  }

  /** Scrolls the list, and only the list, so that entry `i` shows (the top for none yet). */
  private reveal(i: number): void {
    const list = this.list;
    if (i < 0) {
      if (list.scrollTop !== 0) list.scrollTop = 0;
      return;
    }
    const box = this.items[i].li.getBoundingClientRect();
    const top = box.top - list.getBoundingClientRect().top + list.scrollTop;
    const bottom = top + box.height;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }

  /** The feed's next (+1) or previous (−1) entry from the current one, as an event index. */
  step(direction: 1 | -1): number | undefined {
    const i = this.current + direction;
    if (direction === 1 && this.current < 0) return this.items[0]?.index;
    return i >= 0 && i < this.items.length ? this.items[i].index : undefined;
  }
}
