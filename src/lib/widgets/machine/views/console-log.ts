/**
 * The console's text, kept as chunks so that a screen reader hears only what a command added.
 * The output region is a polite live region (role="log"): appending a chunk announces that chunk.
 * When the output does not simply grow — a step back, a reset, or the worker letting go of its
 * oldest bytes — the region is rebuilt under a new `generation`: a region that appears with its
 * text already in it is not announced, so the user does not hear the whole output again.
 */

export interface ConsoleLog {
	/** Changes whenever the region must be rebuilt silently. */
	generation: number;
	/** The output in pieces, oldest first; joined they are the output. */
	chunks: string[];
	/** The worker's byte count when the chunks were made. */
	total: number;
}

export const EMPTY_LOG: ConsoleLog = { generation: 0, chunks: [], total: 0 };

/** The log for a new `output` (the bytes kept) of `total` bytes sent in all. */
export function nextLog(log: ConsoleLog, output: string, total: number): ConsoleLog {
	const shown = log.chunks.join('');
	if (output === shown && total === log.total) return log;
	if (total >= log.total && output.startsWith(shown)) {
		const added = output.slice(shown.length);
		return { ...log, chunks: added ? [...log.chunks, added] : log.chunks, total };
	}
	return { generation: log.generation + 1, chunks: output ? [output] : [], total };
}

/**
 * Bytes the UART sent that the worker no longer keeps (it keeps the newest 64 KiB). The output is
 * text decoded from bytes, so its length is counted again in UTF-8.
 */
export function droppedBytes(output: string, total: number): number {
	return Math.max(0, total - new TextEncoder().encode(output).length);
}

/** What the input line sends: the text, and a newline when asked (a program reading lines waits for it). */
export function inputToSend(text: string, newline: boolean): string {
	return newline ? text + '\n' : text;
}
