// Starts govuk-frontend's components (service navigation menu, error summary focus…). Loaded as an external
// module, so the Content Security Policy needs no inline script; pages work without it.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

initAll();
