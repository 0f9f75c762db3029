/**
 * The machine widget's strings in English: the workbench's controls, status lines and the
 * playground page. Chinese: strings.zh-Hans.ts (same keys).
 */
export const workbenchEn = {
	'workbench.loading': 'Loading the machine…',
	'workbench.program': 'Program',
	'workbench.programBar': 'Program',
	'workbench.examples': 'Examples',
	'workbench.examplePick': 'Open an example…',
	'workbench.exampleOpened': 'Opened the example “{title}”. Your previous program can be restored.',
	'workbench.restore': 'Restore my previous program',
	'workbench.firmware': 'Boot behind SBI firmware (S-mode)',
	'workbench.firmwareHint':
		'Start the program in S-mode with the host playing its M-mode firmware (SBI calls, the timer), as a kernel boots on QEMU virt with OpenSBI. The guest kernel example needs it.',
	'workbench.restored': 'Your previous program is back.',
	'workbench.import': 'Open a .s file…',
	'workbench.imported': 'Opened {name}.',
	'workbench.importFailed': 'Could not open {name}: {error} Your program is unchanged.',
	'workbench.export': 'Save as .s',
	'workbench.share': 'Copy link',
	'workbench.shared':
		'The link to this program and its breakpoints is in the address bar and on the clipboard.',
	'workbench.sharedNoClipboard':
		'The link to this program and its breakpoints is in the address bar.',
	'workbench.shareFailed':
		'This link could not be read ({error}). Your saved program was opened instead.',
	'workbench.fromLink': 'Opened the program from the link.',
	'workbench.fromSaved': 'Opened your program as you left it (saved {when}).',
	'workbench.resetProgram': 'Reset to the original program',
	'workbench.problems': 'Problems',
	'workbench.problemCount':
		'{errors, plural, =0 {No errors} one {# error} other {# errors}}, {warnings, plural, =0 {no warnings} one {# warning} other {# warnings}}',
	'workbench.noProblems': 'The program assembles without problems.',
	'workbench.problemAt': 'Line {line}, column {column}: {message}',
	'workbench.controls': 'Run controls',
	'workbench.run': 'Run',
	'workbench.pause': 'Pause',
	'workbench.step': 'Step',
	'workbench.stepOver': 'Step over',
	'workbench.stepOut': 'Step out',
	'workbench.runToCursor': 'Run to cursor',
	'workbench.back': 'Step back',
	'workbench.reset': 'Reset',
	'workbench.animate': 'Animate',
	'workbench.speed': 'Steps per second',
	'workbench.budget': 'Budget (steps)',
	'workbench.shortcuts':
		'Keys: F5 run, Shift+F5 pause, F10 step over, F11 step, Shift+F11 step out, Alt+← step back, F9 breakpoint.',
	'workbench.status': 'Machine status',
	'workbench.status.empty': 'No program loaded yet.',
	'workbench.status.loading': 'Assembling and loading…',
	'workbench.status.ready': 'Ready at {pc}, step {position}.',
	'workbench.status.running': 'Running… step {position}.',
	'workbench.status.failed':
		'The program does not assemble: fix the problems listed, then run again.',
	'workbench.stop.done': 'Stopped at {pc}, step {position}.',
	'workbench.stop.paused': 'Paused at {pc}, step {position}.',
	'workbench.stop.breakpoint': 'Breakpoint at {pc}{line}, step {position}.',
	'workbench.stop.halted': 'The program ended with exit code {code} after {position} steps.',
	'workbench.stop.budget':
		'Stopped after {budget} steps at {pc}: the program may be in an endless loop. Run again to go on.',
	'workbench.stop.start': 'At the start of the program.',
	'workbench.stop.trapLoop':
		'Trap loop: cause {cause} at {pc} again and again without an instruction retiring. Is the trap vector (mtvec) set?',
	'workbench.stop.machineError': 'The machine stopped: {message}',
	'workbench.lineSuffix': ' (line {line})',
	'workbench.views': 'Machine views',
	'workbench.view.registers': 'Registers',
	'workbench.view.csrs': 'CSRs',
	'workbench.view.disassembly': 'Disassembly',
	'workbench.view.memory': 'Memory',
	'workbench.view.console': 'Console',
	'workbench.view.traps': 'Traps',
	'workbench.view.tlb': 'TLB',
	'workbench.error': 'The machine reported an error: {message}',
	'workbench.shareTooLarge':
		'This program is larger than 200 KB: save it as a .s file instead of sharing a link.',
	'workbench.resetProgramDone': 'The program is back to the lesson’s original.',
	'playground.title': 'Playground',
	'playground.intro':
		'Write RISC-V assembly (RV32IMA with the privileged architecture and the H extension), run it on the course’s machine and look inside: registers, CSRs, memory and page tables, traps. The machine runs in the background, so a program that never ends cannot freeze the page; step back undoes any step. Your program is saved in this browser as you type.',
	'playground.label': 'RISC-V playground',
	'client.file.extension':
		'“{name}” is not an assembly source: open a file ending in .s, .S or .asm.',
	'client.file.tooLarge':
		'It is {size} bytes long; the playground opens files of up to {limit} bytes.',
	'client.file.binary':
		'It contains NUL bytes, so it is a binary file (an object file or an ELF?), not assembly text.',
	'client.file.notUtf8': 'It is not UTF-8 text. Save it as UTF-8 and open it again.',
	'client.share.unknownVersion': 'it was made by a newer version of the playground',
	'client.share.damaged': 'it is damaged or cut short: copy the whole link',
	'client.share.tooLarge': 'its program is larger than {limit} bytes'
} satisfies Record<string, string>;
