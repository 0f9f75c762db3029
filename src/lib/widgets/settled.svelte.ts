/**
 * A value that follows another once it has stopped changing for a moment. The memory and placement
 * models take tens of milliseconds a run: re-running them on every step of a dragged slider would
 * stall the page, so they run on the settled controls instead. Call it while a component starts.
 */
export function settled<T>(read: () => T, ms = 80): { readonly current: T } {
	let value = $state(read());
	$effect(() => {
		const next = read();
		const timer = setTimeout(() => (value = next), ms);
		return () => clearTimeout(timer);
	});
	return {
		get current() {
			return value;
		}
	};
}
