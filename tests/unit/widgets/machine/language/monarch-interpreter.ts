/**
 * A small Monarch interpreter, for the tests: runs a tokenizer definition over lines the way
 * Monaco does for the features monarch.ts uses — rules tried in order at each position, each
 * regex anchored there; a string action, `{ token, next }`, or `{ cases }` with `@list` guards
 * (the matched text is in the list) and `@default`; `next` as a third rule element; states pushed
 * with `@name` and popped with `@pop`; the state stack carried from line to line. Where no rule
 * matches, one character gets `defaultToken`. Anything else throws, so that a rule this
 * interpreter does not understand cannot pass unnoticed.
 */
import type {
	MonarchAction,
	MonarchLanguage
} from '../../../../../src/lib/widgets/machine/language/monaco-shapes.ts';

export interface MonarchToken {
	line: number;
	/** 1-based, as Monaco counts. */
	column: number;
	text: string;
	token: string;
}

function resolve(lang: MonarchLanguage, action: MonarchAction, text: string): [string, string?] {
	if (typeof action === 'string') return [action];
	if ('token' in action) return [action.token, action.next];
	for (const [guard, token] of Object.entries(action.cases)) {
		if (guard === '@default') return [token];
		if (!guard.startsWith('@')) throw new Error(`guard ${guard} not supported`);
		const list = lang[guard.slice(1)];
		if (!Array.isArray(list)) throw new Error(`no word list ${guard}`);
		if (list.includes(text)) return [token];
	}
	throw new Error(`no case for ${text}`);
}

export function runMonarch(lang: MonarchLanguage, source: string): MonarchToken[] {
	const out: MonarchToken[] = [];
	const stack = [Object.keys(lang.tokenizer)[0]];
	const anchored = new Map<RegExp, RegExp>();
	source.split('\n').forEach((text, i) => {
		let pos = 0;
		while (pos < text.length) {
			const rules = lang.tokenizer[stack[stack.length - 1]];
			if (!rules) throw new Error(`no state ${stack[stack.length - 1]}`);
			let matched = false;
			for (const [regex, action, next] of rules) {
				if (!anchored.has(regex)) anchored.set(regex, new RegExp(`^(?:${regex.source})`));
				const m = anchored.get(regex)!.exec(text.slice(pos));
				if (!m || m[0].length === 0) continue;
				const [token, actionNext] = resolve(lang, action, m[0]);
				out.push({ line: i + 1, column: pos + 1, text: m[0], token });
				const to = next ?? actionNext;
				if (to === '@pop') stack.pop();
				else if (to?.startsWith('@')) stack.push(to.slice(1));
				else if (to !== undefined) throw new Error(`next ${to} not supported`);
				pos += m[0].length;
				matched = true;
				break;
			}
			if (!matched) {
				out.push({ line: i + 1, column: pos + 1, text: text[pos], token: lang.defaultToken });
				pos++;
			}
		}
	});
	return out;
}

/** The tokens that are not white space. */
export const visible = (tokens: MonarchToken[]) => tokens.filter((t) => t.token !== 'white');
