import { describe, expect, it } from 'vitest';
import { humanValue } from './provenance-panel.js';

describe('catalog figures in human units', () => {
  it.each([
    [51.39, 'm/s', '185 km/h'],
    [2500, 'm', '2.5 km'],
    [800, 'm', '800 m'],
    [45, 's', '45 s'],
    [600, 's', '10 min'],
    [21_600, 's', '6 h'],
    [15_552_000, 's', '180 d'],
    [Math.PI / 6, 'rad', '30°'],
    [20_000, '$', '$20k'],
    [2_500, '$', '$2500'],
    [3_000_000, '$', '$3M'],
    [50, 'kg', '50 kg'],
    [0.65, '', '0.65'],
    [0.01, 'm²', '0.01 m²'],
  ])('%d %s reads %s', (value, unit, text) => {
    expect(humanValue(value, unit)).toBe(text);
  });
});
