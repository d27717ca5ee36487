// Names beside their symbols without overlap: labels are placed in order of rank (an asset's
// value first, then fixed units, then moving ones), and one whose box would overlap a label
// already placed is left out. Boxes are kept so that labels drawn later (jets and fire groups,
// every frame) give way to those of the cached background.

export interface Label {
  text: string;
  x: number;
  y: number;
  colour: string;
  /** Higher first where labels would overlap. */
  rank: number;
}

/** Left, top, right, bottom (CSS pixels). */
export type Box = [number, number, number, number];

const HALF_HEIGHT = 7;

export const overlap = (a: Box, b: Box): boolean => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

export class LabelPlacer {
  readonly placed: { text: string; box: Box }[] = [];
  hidden = 0;

  /** Takes the box if it is free; false (and counted as hidden) if it overlaps one already taken. */
  take(text: string, box: Box): boolean {
    for (const p of this.placed)
      if (overlap(p.box, box)) {
        this.hidden++;
        return false;
      }
    this.placed.push({ text, box });
    return true;
  }

  /** A copy to place further labels against, leaving this one as it is. */
  clone(): LabelPlacer {
    const copy = new LabelPlacer();
    copy.placed.push(...this.placed);
    copy.hidden = this.hidden;
    return copy;
  }
}

/** Draws the labels that fit, highest rank first, into the placer's free space. */
export function drawLabels(ctx: CanvasRenderingContext2D, labels: Label[], placer: LabelPlacer): void {
  labels.sort((a, b) => b.rank - a.rank);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(0,0,0,0.85)';
  for (const label of labels) {
    const w = ctx.measureText(label.text).width;
    const box: Box = [label.x, label.y - HALF_HEIGHT, label.x + w, label.y + HALF_HEIGHT];
    if (!placer.take(label.text, box)) continue;
    ctx.fillStyle = label.colour;
    ctx.strokeText(label.text, label.x, label.y);
    ctx.fillText(label.text, label.x, label.y);
  }
}
