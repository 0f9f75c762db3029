/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom
 * number generators", 2018), its 128-bit state filled from the seed by splitmix32 (the 32-bit
 * variant of Steele, Lea & Flood's SplitMix, with Wellons' lowbias32 mixing constants).
 *
 * Integer-only: every step is a 32-bit add, xor, shift or Math.imul, so the same seed gives the
 * same sequence on every platform and every JavaScript engine. (Distributions built on top use
 * Math.log/exp/cos; V8 computes those with the same fdlibm-derived code everywhere.)
 */
export class Random {
	private s0: number;
	private s1: number;
	private s2: number;
	private s3: number;

	constructor(seed: number) {
		// splitmix32: a counter stepped by the golden-ratio constant, then mixed. It turns any
		// 32-bit seed (0 included) into a well-spread state that is never all zeros.
		let counter = seed >>> 0;
		const next = (): number => {
			counter = (counter + 0x9e3779b9) | 0;
			let z = counter;
			z ^= z >>> 16;
			z = Math.imul(z, 0x21f0aaad);
			z ^= z >>> 15;
			z = Math.imul(z, 0x735a2d97);
			z ^= z >>> 15;
			return z | 0;
		};
		this.s0 = next();
		this.s1 = next();
		this.s2 = next();
		this.s3 = next();
		if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
	}

	/** A generator with this exact state (for reference vectors and tests). */
	static fromState(s0: number, s1: number, s2: number, s3: number): Random {
		const r = new Random(0);
		r.s0 = s0 | 0;
		r.s1 = s1 | 0;
		r.s2 = s2 | 0;
		r.s3 = s3 | 0;
		return r;
	}

	/** The next 32-bit output, as an unsigned integer in [0, 2^32). */
	nextUint32(): number {
		const s1 = this.s1;
		const x = Math.imul(s1, 5);
		const result = Math.imul((x << 7) | (x >>> 25), 9);
		const t = s1 << 9;
		this.s2 ^= this.s0;
		this.s3 ^= this.s1;
		this.s1 ^= this.s2;
		this.s0 ^= this.s3;
		this.s2 ^= t;
		this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
		return result >>> 0;
	}

	/** A uniform number in [0, 1) with 32 random bits. */
	uniform(): number {
		return this.nextUint32() * 2.3283064365386963e-10; // 2^-32
	}

	/** A uniform number in (0, 1]: safe to take the logarithm of. */
	uniformPositive(): number {
		return (this.nextUint32() + 1) * 2.3283064365386963e-10;
	}

	/** A uniform integer in [0, n), for n <= 2^32. */
	integer(n: number): number {
		return Math.floor(this.uniform() * n);
	}

	/** A standard normal variate (Box–Muller; uses two uniforms, keeps no state between calls). */
	normal(): number {
		const u = this.uniformPositive();
		const v = this.uniform();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** An independent generator derived from this one (for per-VM or per-replication streams). */
	fork(): Random {
		return new Random(this.nextUint32() ^ 0x5bd1e995);
	}
}
