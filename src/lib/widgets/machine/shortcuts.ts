/**
 * The workbench's keys, those of common debuggers (VS Code, Visual Studio): F5 run, Shift+F5
 * pause, F10 step over, F11 step, Shift+F11 step out; Alt+← step back (as a browser's Back, so the
 * workbench keeps it while it has focus). F9 (a breakpoint) belongs to the editor.
 */
export type ShortcutAction = 'run' | 'pause' | 'step' | 'stepOver' | 'stepOut' | 'back';

interface KeyPress {
	key: string;
	shiftKey: boolean;
	altKey: boolean;
	ctrlKey: boolean;
	metaKey: boolean;
}

export function shortcutOf(event: KeyPress): ShortcutAction | undefined {
	if (event.ctrlKey || event.metaKey) return undefined;
	if (event.altKey) return event.key === 'ArrowLeft' && !event.shiftKey ? 'back' : undefined;
	switch (event.key) {
		case 'F5':
			return event.shiftKey ? 'pause' : 'run';
		case 'F10':
			return event.shiftKey ? undefined : 'stepOver';
		case 'F11':
			return event.shiftKey ? 'stepOut' : 'step';
		default:
			return undefined;
	}
}
