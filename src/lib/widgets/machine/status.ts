/**
 * The workbench's status line: what the machine is doing, or why the last command stopped, in the
 * page's language (the worker's own line, emulator/session/stop-text.ts, is English only).
 */
import type { Lang } from '../../i18n/index.ts';
import type { MachineView } from '../../emulator/session/machine-view.ts';
import type { SessionStop } from '../../emulator/session/types.ts';
import { say } from './say.ts';

export type ClientStatus = 'empty' | 'loading' | 'ready' | 'running' | 'failed';

/** An address as the machine views write it: 0x and eight hex digits. */
export function hex32(value: number): string {
	return '0x' + (value >>> 0).toString(16).padStart(8, '0');
}

export function statusLine(
	lang: Lang,
	status: ClientStatus,
	stop: SessionStop | undefined,
	view: MachineView | undefined
): string {
	const pc = hex32(view?.pc ?? 0);
	const position = view?.position ?? 0;
	if (status !== 'ready' || !stop) {
		const key = `workbench.status.${status}` as const;
		return say(lang, key, { pc, position });
	}
	switch (stop.kind) {
		case 'done':
		case 'running':
			return say(lang, 'workbench.stop.done', { pc, position });
		case 'paused':
			return say(lang, 'workbench.stop.paused', { pc, position });
		case 'breakpoint': {
			const line = view?.place?.line;
			return say(lang, 'workbench.stop.breakpoint', {
				pc: hex32(stop.pc),
				line: line === undefined ? '' : say(lang, 'workbench.lineSuffix', { line }),
				position
			});
		}
		case 'halted':
			return say(lang, 'workbench.stop.halted', { code: stop.exitCode, position });
		case 'budget':
			return say(lang, 'workbench.stop.budget', { budget: stop.budget, pc });
		case 'start':
			return say(lang, 'workbench.stop.start');
		case 'trapLoop':
			return say(lang, 'workbench.stop.trapLoop', {
				cause: stop.repeating.cause,
				pc: hex32(stop.repeating.pc)
			});
		case 'machineError':
			return say(lang, 'workbench.stop.machineError', { message: stop.message });
	}
}
