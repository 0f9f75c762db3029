/** A Storage kept in memory, standing in for localStorage in unit tests. */
export function memoryStorage(): Storage {
	const items = new Map<string, string>();
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (key) => items.get(key) ?? null,
		key: (index) => [...items.keys()][index] ?? null,
		removeItem: (key) => void items.delete(key),
		setItem: (key, value) => void items.set(key, String(value))
	};
}

/** A Storage whose every call throws, as in a browser that blocks site data. */
export function blockedStorage(): Storage {
	const fail = () => {
		throw new DOMException('blocked', 'SecurityError');
	};
	return { length: 0, clear: fail, getItem: fail, key: fail, removeItem: fail, setItem: fail };
}
