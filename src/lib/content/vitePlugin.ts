/**
 * Checks every lesson when a build starts, so that `npm run build` fails with one line per mistake
 * (`content/lessons/01-x.md:12:1: unknown widget 'slidr' (known: slider, plot)`) before any page is
 * rendered. In `vite dev` it reloads the page when a lesson file is added, changed or removed.
 */
import type { Plugin } from 'vite';
import { ContentErrors } from './errors.ts';
import { checkCourse, lessonsFolder } from './load.ts';

export function lessonContent(root = process.cwd(), folder = lessonsFolder): Plugin {
	return {
		name: 'virtlab-lesson-content',
		buildStart() {
			if (this.environment?.mode === 'dev') return;
			const { errors } = checkCourse(root, folder);
			if (errors.length > 0) throw new ContentErrors(errors);
		},
		configureServer(server) {
			server.watcher.add(`${root}/${folder}`);
			server.watcher.on('all', (_event, file) => {
				if (file.includes(folder) && (file.endsWith('.md') || file.endsWith('.s'))) {
					server.ws.send({ type: 'full-reload' });
				}
			});
		}
	};
}
