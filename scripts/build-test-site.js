// Builds the site the browser tests run against: under /virtlab, into tmp/e2e/ (e2eSite in
// scripts/site.js). scripts/e2e.js does this itself; playwright.config.ts runs this script when
// `npx playwright test` is started on its own.
import { buildTestSite } from './site.js';

buildTestSite();
