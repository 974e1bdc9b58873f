/**
 * A small seeded random number generator, so that every uncertainty run is reproducible
 * byte for byte from its `--seed`: xoshiro128** (Blackman & Vigna, 2018) seeded through
 * splitmix32, with the few distributions the analyses need. Written here rather than taken
 * from npm because it is thirty lines, has no dependencies and its output must never change
 * under us with a package update (the golden files of `check` depend on it).
 */

/** The seed used when none is given: any fixed number would do. */
export const DEFAULT_SEED = 20_240_601;

const TWO_POW_32 = 4_294_967_296;
const TWO_POW_53 = 9_007_199_254_740_992;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** splitmix32: spreads one 32-bit seed over the 128-bit state (never all zero). */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** True for the seeds `createRandom` accepts: integers 0 … 2³² − 1. */
export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed < TWO_POW_32;
}

export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** The second normal deviate of the last polar pair, or NaN when none is waiting. */
  private spareNormal = Number.NaN;

  constructor(seed: number) {
    if (!isValidSeed(seed))
      throw new RangeError(`seed must be an integer 0 … 2^32 − 1, got ${seed}`);
    const next = splitmix32(seed);
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** Next 32 random bits as an unsigned integer (xoshiro128**). */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits (two draws), like Math.random's resolution. */
  uniform(): number {
    const high = this.uint32() >>> 5; // 27 bits
    const low = this.uint32() >>> 6; // 26 bits
    return (high * 67_108_864 + low) / TWO_POW_53;
  }

  /** Uniform integer 0 … n − 1 (n ≥ 1). */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal by Marsaglia's polar method; the pair's second value is kept for the next call. */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return u * factor;
  }

  /**
   * Gamma(shape, scale 1) by Marsaglia & Tsang (2000), "A simple method for generating
   * gamma variables". Shapes below 1 use their boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
   */
  gamma(shape: number): number {
    if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
    if (shape < 1) return this.gamma(shape + 1) * (1 - this.uniform()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      // The squeeze accepts ~98 % of draws without a logarithm.
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /**
   * Dirichlet(concentration · mean) into `out`: each component ~ Gamma(concentration · meanᵢ),
   * then divided by their sum. E[outᵢ] = meanᵢ and Var = meanᵢ(1 − meanᵢ)/(concentration + 1).
   * A zero mean component stays exactly 0.
   */
  dirichlet(mean: ArrayLike<number>, concentration: number, out: Float64Array): void {
    let total = 0;
    // With tiny shapes every gamma draw can underflow to 0; such a draw says nothing, redraw.
    while (total === 0) {
      for (let i = 0; i < mean.length; i++) {
        const m = mean[i] as number;
        const g = m > 0 ? this.gamma(concentration * m) : 0;
        out[i] = g;
        total += g;
      }
    }
    for (let i = 0; i < mean.length; i++) out[i] = (out[i] as number) / total;
  }
}

/** A generator for one seed. */
export function createRandom(seed: number = DEFAULT_SEED): Random {
  return new Random(seed);
}
