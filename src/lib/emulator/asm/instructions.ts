/**
 * Turns a mnemonic and its operands into the machine instructions to emit: real instructions
 * straight from the instruction table, and the pseudo-instructions of the RISC-V Assembly
 * Programmer's Manual / Volume I §25 Table 25.2–25.3 (li, la, mv, j, call, beqz, csrr, …) expanded
 * the way GNU as 2.40 expands them.
 *
 * This file only dispatches: the standard form is read in standard.ts, the pseudo-instructions
 * in pseudo.ts (and li.ts, pseudo-jumps.ts, pseudo-csr.ts).
 */
import { instructionByName } from '../isa/table.ts';
import type { Span } from './expression.ts';
import type { Token } from './lexer.ts';
import type { Operand, OperandError } from './operands.ts';
import { handlers } from './pseudo.ts';
import { one, standard, type InsnContext, type InsnRequest } from './standard.ts';

export type { InsnContext, InsnRequest, PendingImmediate } from './standard.ts';
export { loadImmediate } from './li.ts';

const AMO_SUFFIX = /^(.*?)(\.aqrl|\.aq|\.rl)$/;

/** Every mnemonic the assembler knows (instructions and pseudo-instructions), for messages. */
export function knownMnemonics(): string[] {
	return [...new Set([...instructionByName.keys(), ...Object.keys(handlers)])];
}

/**
 * Expands `mnemonic operands` into machine instructions, or explains why it cannot.
 * `mnemonicSpan` positions errors about the statement as a whole.
 */
export function parseInstruction(
	mnemonicToken: Token,
	ops: Operand[],
	statementSpan: Span,
	ctx: InsnContext
): InsnRequest[] | OperandError | undefined {
	const name = mnemonicToken.text.toLowerCase();
	// Own properties only: a mnemonic such as '__proto__' must not reach Object.prototype.
	const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
	if (handler) return handler(ops, statementSpan, ctx, name);
	const s = instructionByName.get(name);
	if (s) return one(standard(s, ops, statementSpan, ctx, name));
	const m = AMO_SUFFIX.exec(name);
	if (m) {
		const base = instructionByName.get(m[1]);
		if (base && base.extension === 'A') {
			const aq = m[2] === '.aq' || m[2] === '.aqrl';
			const rl = m[2] === '.rl' || m[2] === '.aqrl';
			return one(standard(base, ops, statementSpan, ctx, name, { aq, rl }));
		}
	}
	return undefined;
}
