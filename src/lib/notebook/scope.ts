/**
 * A scope laid over another: reads fall through to the base, writes and deletes stay in the layer.
 * A plot's sweep evaluates a few statements per sample in the scope of a complete run; copying that
 * scope (every name of the lesson) for each of a hundred samples cost more than evaluating them.
 * mathjs accepts any object with Map's get/set/has/keys as a scope.
 */
export class LayeredScope implements Map<string, unknown> {
	readonly #base: ReadonlyMap<string, unknown>;
	readonly #own = new Map<string, unknown>();
	/** Names deleted from this layer that the base still holds (made on the first delete). */
	#hidden: Set<string> | undefined;

	constructor(base: ReadonlyMap<string, unknown>) {
		this.#base = base;
	}

	get(key: string): unknown {
		const own = this.#own.get(key);
		if (own !== undefined || this.#own.has(key)) return own;
		return this.#hidden?.has(key) ? undefined : this.#base.get(key);
	}

	has(key: string): boolean {
		return this.#own.has(key) || (!this.#hidden?.has(key) && this.#base.has(key));
	}

	set(key: string, value: unknown): this {
		this.#own.set(key, value);
		this.#hidden?.delete(key);
		return this;
	}

	delete(key: string): boolean {
		const had = this.has(key);
		this.#own.delete(key);
		if (this.#base.has(key)) (this.#hidden ??= new Set()).add(key);
		return had;
	}

	clear(): void {
		this.#own.clear();
		this.#hidden = new Set(this.#base.keys());
	}

	*keys(): MapIterator<string> {
		for (const key of this.#own.keys()) yield key;
		for (const key of this.#base.keys()) {
			if (!this.#own.has(key) && !this.#hidden?.has(key)) yield key;
		}
	}

	*values(): MapIterator<unknown> {
		for (const key of this.keys()) yield this.get(key);
	}

	*entries(): MapIterator<[string, unknown]> {
		for (const key of this.keys()) yield [key, this.get(key)];
	}

	[Symbol.iterator](): MapIterator<[string, unknown]> {
		return this.entries();
	}

	forEach(callback: (value: unknown, key: string, map: Map<string, unknown>) => void): void {
		for (const [key, value] of this.entries()) callback(value, key, this);
	}

	get size(): number {
		return [...this.keys()].length;
	}

	get [Symbol.toStringTag](): string {
		return 'LayeredScope';
	}
}
