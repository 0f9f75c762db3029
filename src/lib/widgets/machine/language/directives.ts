/**
 * Every directive the VirtLab assembler reads (src/lib/emulator/asm/index.ts lists them; the
 * handlers are in directives.ts, conditionals.ts, repeat.ts, location.ts, insn.ts and include.ts
 * there), each with one line for hover and completion. The words follow the GNU as manual §7
 * "Assembler Directives" and §9.38.3 "RISC-V Directives". The unit test checks this list against
 * the assembler both ways: each name here is accepted, and each GNU as directive the assembler
 * accepts is here.
 */

export const DIRECTIVE_DOCS: Readonly<Record<string, string>> = {
	// Sections (GNU as §7 .section, .previous, .pushsection)
	'.text': 'switch to the `.text` section (code)',
	'.data': 'switch to the `.data` section (initialised data)',
	'.bss': 'switch to the `.bss` section (zero-filled data, no bytes stored)',
	'.section': '`.section name[, "flags"[, @type]]`: switch to the named section',
	'.pushsection': '`.pushsection name`: remember the current section, then switch to `name`',
	'.popsection': 'go back to the section saved by the matching `.pushsection`',
	'.previous': 'go back to the section in use before the last switch',
	// Symbols
	'.globl': '`.globl sym`: make `sym` visible outside this file (the entry `_start`, say)',
	'.global': '`.global sym`: the same as `.globl`',
	'.equ': '`.equ name, expr`: define a constant (may be redefined)',
	'.set': '`.set name, expr`: define a constant (may be redefined); `name = expr` is the same',
	'.equiv': '`.equiv name, expr`: define a constant that must not be defined already',
	// Data (GNU as §7; .half/.word/.dword are the RISC-V widths of §9.38.3)
	'.byte': '`.byte expr, …`: one byte each',
	'.1byte': '`.1byte expr, …`: one byte each',
	'.half': '`.half expr, …`: 2 bytes each, little-endian',
	'.short': '`.short expr, …`: 2 bytes each, little-endian',
	'.2byte': '`.2byte expr, …`: 2 bytes each, little-endian',
	'.word': '`.word expr, …`: 4 bytes each, little-endian',
	'.long': '`.long expr, …`: 4 bytes each, little-endian',
	'.int': '`.int expr, …`: 4 bytes each, little-endian',
	'.4byte': '`.4byte expr, …`: 4 bytes each, little-endian',
	'.dword': '`.dword expr, …`: 8 bytes each, little-endian',
	'.quad': '`.quad expr, …`: 8 bytes each, little-endian',
	'.8byte': '`.8byte expr, …`: 8 bytes each, little-endian',
	'.ascii': '`.ascii "text", …`: the bytes of each string, without a terminating zero',
	'.asciz': '`.asciz "text", …`: each string followed by a zero byte (a C string)',
	'.string': '`.string "text", …`: each string followed by a zero byte (a C string)',
	// Location counter
	'.align':
		'`.align n`: pad to a multiple of 2ⁿ bytes (on RISC-V, n is an exponent, as for `.p2align`)',
	'.p2align': '`.p2align n`: pad to a multiple of 2ⁿ bytes',
	'.balign': '`.balign n`: pad to a multiple of n bytes',
	'.space': '`.space size[, fill]`: reserve `size` bytes, filled with `fill` (0)',
	'.skip': '`.skip size[, fill]`: the same as `.space`',
	'.zero': '`.zero size[, fill]`: the same as `.space`',
	'.org': '`.org offset[, fill]`: move to `offset` from the section start (forward only)',
	// Instructions written by their fields (§9.38.3 .insn)
	'.insn': '`.insn r|i|s|b|u|j …` or `.insn value`: an instruction given by its format and fields',
	'.option': '`.option norvc|rvc|push|pop|…`: RISC-V assembler options (this one never compresses)',
	// Conditional assembly (GNU as §7 .if)
	'.if': '`.if expr`: assemble what follows up to `.else`/`.endif` only when `expr` is not zero',
	'.ifdef': '`.ifdef sym`: assemble what follows only when `sym` is defined',
	'.ifndef': '`.ifndef sym`: assemble what follows only when `sym` is not defined',
	'.ifnotdef': '`.ifnotdef sym`: the same as `.ifndef`',
	'.elseif': '`.elseif expr`: the next branch of an `.if`',
	'.else': 'the last branch of an `.if`',
	'.endif': 'the end of an `.if`',
	// Macros and repetition (GNU as §7 .macro, .rept, .irp)
	'.macro': '`.macro name args…`: define a macro, up to `.endm`; `\\arg` uses an argument',
	'.endm': 'the end of a `.macro`',
	'.endmacro': 'the end of a `.macro` (the same as `.endm`)',
	'.rept': '`.rept count`: repeat the lines up to `.endr` `count` times',
	'.irp': '`.irp sym, values…`: repeat the lines up to `.endr` once per value, as `\\sym`',
	'.irpc': '`.irpc sym, chars`: repeat the lines up to `.endr` once per character, as `\\sym`',
	'.endr': 'the end of a `.rept`, `.irp` or `.irpc`',
	'.include': '`.include "file"`: assemble another file here',
	// Messages and the end
	'.error': '`.error "message"`: stop with this error message',
	'.warning': '`.warning "message"`: report this warning and go on',
	'.end': 'stop reading the file here',
	// Accepted and ignored: they only matter to a linker or a debugger
	'.type': '`.type sym, @function|@object`: accepted and ignored (symbol type for a linker)',
	'.size': '`.size sym, expr`: accepted and ignored (symbol size for a linker)',
	'.file': 'accepted and ignored (source file name for a debugger)',
	'.ident': 'accepted and ignored (a comment for the object file)',
	'.attribute': 'accepted and ignored (RISC-V ELF attributes)',
	'.local': 'accepted and ignored (symbol binding for a linker)',
	'.weak': 'accepted and ignored (symbol binding for a linker)',
	'.hidden': 'accepted and ignored (symbol visibility for a linker)',
	'.protected': 'accepted and ignored (symbol visibility for a linker)',
	'.internal': 'accepted and ignored (symbol visibility for a linker)',
	'.loc': 'accepted and ignored (line numbers for a debugger)',
	'.func': 'accepted and ignored (debugging information)',
	'.endfunc': 'accepted and ignored (debugging information)'
};

/** Call-frame directives (`.cfi_startproc`, …) are accepted and ignored as a family. */
export const CFI_PREFIX = '.cfi_';
