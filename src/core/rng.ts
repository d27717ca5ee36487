// Seeded random streams. Every component draws from its own named stream, derived from the run
// seed and the stream's name, so adding a sensor never changes how the threats fly.

/** 32-bit FNV-1a over a string, then mixed; used only to derive stream seeds. */
function hashString(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mix32(h);
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** sfc32: a small, fast generator with a 128-bit state that passes PractRand to large sizes. */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = NaN;

  constructor(seedA: number, seedB: number, seedC: number, seedD: number) {
    this.a = seedA >>> 0;
    this.b = seedB >>> 0;
    this.c = seedC >>> 0;
    this.d = seedD >>> 0 || 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal by the polar Box–Muller method. */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = NaN;
      return z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** Poisson count: Knuth for small means, normal approximation above 50. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Index drawn with probability proportional to weights (all ≥ 0, sum > 0). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/** The named streams of one run: `streams.get('threats/north-axis')` is the same for a seed forever. */
export class RandomStreams {
  private readonly cache = new Map<string, RandomStream>();

  constructor(readonly seed: number) {}

  get(name: string): RandomStream {
    let stream = this.cache.get(name);
    if (!stream) {
      stream = streamFor(this.seed, name);
      this.cache.set(name, stream);
    }
    return stream;
  }
}

export function streamFor(seed: number, name: string): RandomStream {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return new RandomStream(
    hashString(name, lo),
    hashString(name, mix32(lo ^ 0x9e3779b9)),
    hashString(name, mix32(hi ^ 0x85ebca6b)),
    hashString(name, mix32(hi + 0xc2b2ae35)),
  );
}

/** The seed of run i in a batch seeded by S: independent of worker count and order. */
export function deriveSeed(batchSeed: number, runIndex: number): number {
  const a = hashString(`run:${runIndex}`, batchSeed >>> 0);
  const b = hashString(`run:${runIndex}`, mix32(Math.floor(batchSeed / 4294967296) ^ 0x27d4eb2f));
  // 53-bit seeds stay exact in JSON and in every language that reads the results.
  return (b & 0x1fffff) * 4294967296 + a;
}
