/** The machine widget's strings in English: the editor's (Monaco) labels and messages. Chinese: strings.zh-Hans.ts (same keys). */
export const editorEn = {
	'editor.loading': 'Loading the editor…',
	'editor.loadFailed':
		'The code editor could not load ({error}). You can still edit the program here as plain text.',
	'editor.tabHint':
		'Tab indents inside the editor. To leave it with Tab, press Ctrl+M first (Ctrl+Shift+M on a Mac); press it again to indent with Tab. F9 sets or removes a breakpoint on the cursor’s line.',
	'editor.toggleBreakpoint': 'Toggle breakpoint',
	'editor.breakpoint': 'Breakpoint: click the dot or press F9 on this line to remove it',
	'editor.currentLine': 'The program counter (pc) is at this line'
} satisfies Record<string, string>;
