import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario, readShareLink, shareLink } from './share-link.js';

const kyiv = readFileSync(new URL('../../scenarios/kyiv-night.yaml', import.meta.url), 'utf8');

describe('share links', () => {
  it('carry a scenario compressed, and give it back byte for byte', async () => {
    const code = await encodeScenario(kyiv);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(kyiv.length / 2);
    expect(await decodeScenario(code)).toBe(kyiv);
  });

  it('round-trip any text, accents and emoji included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        expect(await decodeScenario(await encodeScenario(text))).toBe(text);
      }),
      { seed: 19, numRuns: 60 },
    );
  });

  it('put scenario and seed in the fragment of the page link, and read them back', async () => {
    const link = await shareLink('http://127.0.0.1:8720/?scenario=kyiv-night.yaml&t=40#old', kyiv, 7);
    const url = new URL(link);
    expect(url.origin + url.pathname + url.search).toBe('http://127.0.0.1:8720/');
    expect(await readShareLink(url.hash)).toEqual({ text: kyiv, seed: 7 });
    expect(await readShareLink('#t=5')).toBeUndefined();
    await expect(readShareLink('#scenario=AAAA')).rejects.toThrow();
  });
});
