/**
 * One file from several: each `.include "NAME"` line whose file is given is replaced by that file's
 * text (its own includes inlined too), between two comment lines naming it. GNU as reads an
 * included file as if its text stood in place of the directive (GNU as manual, "`.include`"), so
 * the result assembles to the same bytes; only diagnostics and the source map name the one file.
 *
 * The playground's editor shows one file, so the guest kernel example (catalogue.ts) is opened as
 * its build's files inlined into one text: every line of the kernel and the workload is there to
 * read, edit and set a breakpoint on. An include whose file is not given (one the build skipped,
 * inside `.ifdef PV`, say) stays a directive.
 */

const INCLUDE = /^\s*\.include\s+"([^"]+)"\s*(?:#.*)?$/;

/** The text of `files[main]` with the includes of `files` inlined. */
export function inlineIncludes(files: Readonly<Record<string, string>>, main: string): string {
	const inlining: string[] = [main];
	const expand = (text: string, from: string): string[] => {
		const out: string[] = [];
		const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
		for (const line of lines) {
			const name = INCLUDE.exec(line)?.[1];
			const included = name === undefined ? undefined : files[name];
			// An include of itself (directly or not) is left for the assembler to report.
			if (name === undefined || included === undefined || inlining.includes(name)) {
				out.push(line);
				continue;
			}
			inlining.push(name);
			out.push(`# ======== ${name} (included by ${from}) ========`);
			out.push(...expand(included, name));
			out.push(`# ======== end of ${name} ========`);
			inlining.pop();
		}
		return out;
	};
	return expand(files[main] ?? '', main).join('\n') + '\n';
}
