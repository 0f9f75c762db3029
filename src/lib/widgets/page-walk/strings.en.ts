/**
 * The page-walk visualizer's strings in English. Keys are shared with strings.zh-Hans.ts, which
 * must have every one (its type says so). `{name}` is filled by say.ts; plural choices follow
 * src/lib/i18n/plural.ts.
 */
export const pageWalkEn = {
	'pageWalk.title': 'One address, three page walks',
	'pageWalk.running':
		'Running the guest kernel natively, under trap-and-emulate and with the H extension…',
	'pageWalk.failed': 'The walks could not be shown: {message}',
	'pageWalk.retry': 'Try again',
	'pageWalk.subject':
		'Guest virtual address {va}: a {access} by {who}, workload {workload} (the first access with paging on to this page).',
	'pageWalk.access.load': 'load',
	'pageWalk.access.store': 'store',
	'pageWalk.access.fetch': 'instruction fetch',
	'pageWalk.who.user': 'a user process',
	'pageWalk.who.kernel': 'the guest kernel',
	'pageWalk.fields': 'The address, split as Sv32 reads it',
	'pageWalk.fieldBits': 'bits {high}:{low}',
	'pageWalk.modes': 'How the address is translated',
	'pageWalk.mode.native': 'Native',
	'pageWalk.mode.trap': 'Shadow table',
	'pageWalk.mode.hw': 'Two-stage',
	'pageWalk.modeNote.native':
		'The guest kernel runs on the bare machine: on a TLB miss the hardware walks the guest’s own Sv32 table, one reference per level.',
	'pageWalk.modeNote.trap':
		'Trap-and-emulate: the hardware walks the monitor’s shadow table, which maps guest virtual addresses straight to host physical ones. A miss in the shadow is a hidden page fault: the monitor reads the guest’s table and fills the shadow entry.',
	'pageWalk.modeNote.hw':
		'The H extension: the hardware walks the guest’s VS-stage table, and every guest physical address it meets (each table’s, then the data’s) goes through the monitor’s G-stage table first.',
	'pageWalk.notFound':
		'The guest did not make this access in this mode within its instruction budget.',
	'pageWalk.position': 'Step {n} of {total}',
	'pageWalk.first': 'First',
	'pageWalk.previous': 'Previous',
	'pageWalk.next': 'Next',
	'pageWalk.last': 'Last',
	'pageWalk.keys': 'Keys on the steps: ← → one step, Home and End the first and the last.',
	'pageWalk.events': 'What happened to the access, in order',
	'pageWalk.event.walk':
		'TLB miss at guest instruction {at}: {refs, plural, one {# table reference} other {# table references}}, then {outcome}',
	'pageWalk.outcome.data': 'the data at physical {pa}',
	'pageWalk.outcome.fault': 'a {cause} (cause {code})',
	'pageWalk.event.exit': 'Exit #{seq}, {reason}: {cycles} model cycles',
	'pageWalk.traceDisagrees': 'The machine’s own trace differs from this walk.',
	'pageWalk.ref.pte': '{n}. {stage} level {level} PTE at {address}',
	'pageWalk.ref.ptePhysical': '{n}. {stage} level {level} PTE at {address} (physical {physical})',
	'pageWalk.ref.data': '{n}. The data at physical {physical}',
	'pageWalk.ref.fault': 'The walk stops: {cause} (cause {code})',
	'pageWalk.ref.indexedVa': 'indexed by {field} = {value} of the virtual address',
	'pageWalk.ref.indexedGpa': 'indexed by {field} = {value} of guest physical {gpa}',
	'pageWalk.ref.offsetVa': 'at offset {value} of the virtual address',
	'pageWalk.purpose.vs-pte': 'translates the address of a VS-stage PTE',
	'pageWalk.purpose.vs-pte-write': 'translates a VS-stage PTE again, to set its A/D bits',
	'pageWalk.purpose.data': 'translates the data’s guest physical address',
	'pageWalk.pte': 'PTE {raw}: {kind}',
	'pageWalk.pteKind.invalid': 'invalid',
	'pageWalk.pteKind.pointer': 'points to the next table, page {ppn}',
	'pageWalk.pteKind.leaf': 'a leaf: maps page {ppn}',
	'pageWalk.flags': 'Flag bits',
	'pageWalk.flag.V': 'valid',
	'pageWalk.flag.R': 'readable',
	'pageWalk.flag.W': 'writable',
	'pageWalk.flag.X': 'executable',
	'pageWalk.flag.U': 'user',
	'pageWalk.flag.G': 'global',
	'pageWalk.flag.A': 'accessed',
	'pageWalk.flag.D': 'dirty',
	'pageWalk.flagSet': 'set',
	'pageWalk.flagClear': 'clear',
	'pageWalk.exitStep': 'Exit #{seq}, step {line} of {lines}: {text} ({cycles} model cycles)',
	'pageWalk.grid': 'Memory references of the walk by guest level and host level',
	'pageWalk.gridCorner': 'guest level ↓ · host level →',
	'pageWalk.hostLevel': 'host level {level}',
	'pageWalk.guestColumn': 'guest PTE or data',
	'pageWalk.guestRow': 'guest level {level}',
	'pageWalk.dataRow': 'data address',
	'pageWalk.tableColumn': 'table',
	'pageWalk.cell': 'reference {n}',
	'pageWalk.cellUnused': 'not made',
	'pageWalk.model': 'The model for other tables',
	'pageWalk.modelGuest': 'Guest levels n',
	'pageWalk.modelHost': 'Host levels m',
	'pageWalk.modelCount':
		'A {n}-level guest table over a {m}-level host table: n·m + n + m = {count} table references on a TLB miss, plus the data.',
	'pageWalk.modelOneDimension':
		'A {n}-level table walked by itself (natively, or a shadow table): {count} table references, plus the data.',
	'pageWalk.modelCases': 'Sv32 natively: 2. Sv32 over Sv32x4: 8. x86-64, 4 levels over 4: 24.'
};

export type PageWalkKey = keyof typeof pageWalkEn;
