// Serves the browser tests' site (e2eSite in scripts/site.js, built by build-test-site.js) as a
// plain static host would, under its base path, until stopped: playwright.config.ts's web server.
// Usage: node scripts/serve-test-site.js <port>
import { e2eSite, serveStatic } from './site.js';

const port = Number(process.argv[2]);
const { url } = await serveStatic(e2eSite.dir, e2eSite.base, port);
console.log(`Serving ${e2eSite.dir} at ${url}/`);
