// Append-only log of what happened, in the order it happened.

export class EventLog<E extends { t: number }> {
  readonly events: E[] = [];

  push(event: E): void {
    this.events.push(event);
  }

  get length(): number {
    return this.events.length;
  }
}
