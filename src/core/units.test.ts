import { describe, expect, it } from 'vitest';
import { formatClock, parseQuantity } from './units.js';

describe('parseQuantity', () => {
  it('converts human units to SI', () => {
    const shahed = parseQuantity('185 km/h', 'speed');
    expect(shahed.ok && shahed.value).toBeCloseTo(51.3889, 4);
    expect(parseQuantity('2.5 km', 'length')).toEqual({ ok: true, value: 2500 });
    expect(parseQuantity('2.5km', 'length')).toEqual({ ok: true, value: 2500 });
    expect(parseQuantity('90 s', 'time')).toEqual({ ok: true, value: 90 });
    expect(parseQuantity('8 h', 'time')).toEqual({ ok: true, value: 28800 });
    expect(parseQuantity('15 min', 'time')).toEqual({ ok: true, value: 900 });
    expect(parseQuantity('40 kg', 'mass')).toEqual({ ok: true, value: 40 });
    expect(parseQuantity('1,500 m', 'length')).toEqual({ ok: true, value: 1500 });
    const knots = parseQuantity('100 kn', 'speed');
    expect(knots.ok && knots.value).toBeCloseTo(51.4444, 4);
  });

  it('takes bare numbers and numeric strings as SI', () => {
    expect(parseQuantity(51.4, 'speed')).toEqual({ ok: true, value: 51.4 });
    expect(parseQuantity('42', 'length')).toEqual({ ok: true, value: 42 });
  });

  it('rejects wrong units, non-numbers and non-finite values with a reason', () => {
    const wrong = parseQuantity('185 kmh', 'speed');
    expect(wrong.ok).toBe(false);
    expect(wrong.ok === false && wrong.reason).toContain("unknown speed unit 'kmh'");
    expect(parseQuantity('fast', 'speed').ok).toBe(false);
    expect(parseQuantity('2 km', 'time').ok).toBe(false);
    expect(parseQuantity(Infinity, 'time').ok).toBe(false);
    expect(parseQuantity(null, 'time').ok).toBe(false);
    expect(parseQuantity([1], 'time').ok).toBe(false);
  });
});

describe('formatClock', () => {
  it('formats seconds as h:mm:ss', () => {
    expect(formatClock(0)).toBe('0:00:00');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-5)).toBe('0:00:00');
  });
});
