import { describe, expect, it } from 'vitest';
import { LabelPlacer, overlap, type Box } from './label-declutter.js';

describe('label de-cluttering', () => {
  it('keeps the first of two overlapping labels and counts the other as hidden', () => {
    const placer = new LabelPlacer();
    expect(placer.take('Kyiv CHP-5', [0, 0, 60, 14])).toBe(true);
    expect(placer.take('Kyiv CHP-6', [50, 10, 110, 24])).toBe(false);
    expect(placer.take('Trypilska TPP', [0, 20, 80, 34])).toBe(true);
    expect(placer.placed.map((p) => p.text)).toEqual(['Kyiv CHP-5', 'Trypilska TPP']);
    expect(placer.hidden).toBe(1);
  });

  it('lets later labels give way to a copy of what is placed, without changing the original', () => {
    const background = new LabelPlacer();
    background.take('asset', [0, 0, 50, 14]);
    const frame = background.clone();
    expect(frame.take('jet · CAP', [40, 5, 90, 19])).toBe(false);
    expect(frame.take('fire group', [100, 5, 150, 19])).toBe(true);
    expect(background.placed).toHaveLength(1);
    expect(frame.placed).toHaveLength(2);
  });

  it('never leaves two placed boxes overlapping', () => {
    const placer = new LabelPlacer();
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 400;
    for (let k = 0; k < 300; k++) {
      const x = next();
      const y = next();
      placer.take(String(k), [x, y, x + 20 + next() / 8, y + 14]);
    }
    const boxes: Box[] = placer.placed.map((p) => p.box);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).toBe(false);
    expect(placer.hidden + placer.placed.length).toBe(300);
  });
});
