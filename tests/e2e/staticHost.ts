/**
 * A plain static host over build/, as GitHub Pages or nginx would serve it (scripts/site.js, which
 * the latency script uses too): files as they are, `index.html` for a folder, and `404.html`
 * (status 404) for anything missing.
 */
export { serveStatic } from '../../scripts/site.js';
