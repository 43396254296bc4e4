// Static files under /assets: govuk-frontend's compiled CSS and JS, its fonts and images (only with the GOV.UK
// brand: the crown and GDS Transport are for the GOV.UK domain), and our own small CSS/JS.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { govukFrontendDist, webPath } from '../views.js';
import { join } from 'node:path';

const DAY = 24 * 60 * 60 * 1000;
const GOVUK_FILES = new Set([
  '/govuk-frontend.min.css',
  '/govuk-frontend.min.css.map',
  '/govuk-frontend.min.js',
  '/govuk-frontend.min.js.map',
]);

export async function registerAssets(app: FastifyInstance, config: Config): Promise<void> {
  const govuk = join(govukFrontendDist, 'govuk');
  // The compiled bundle: only these four files of the package folder (not its .njk and .scss sources).
  await app.register(fastifyStatic, {
    root: govuk,
    prefix: '/assets/govuk/',
    allowedPath: (path) => GOVUK_FILES.has(path),
    maxAge: DAY,
    index: false,
    list: false,
  });
  // Fonts and images are referenced by the CSS as /assets/fonts/… and /assets/images/…; without the GOV.UK
  // brand we serve none of them, so GDS Transport cannot be downloaded even if something asked for it.
  if (config.govukBrand) {
    await app.register(fastifyStatic, {
      root: join(govuk, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      allowedPath: (path) => /^\/(fonts|images)\/[\w.-]+$|^\/manifest\.json$/.test(path),
      maxAge: 7 * DAY,
      index: false,
    });
  }
  await app.register(fastifyStatic, {
    root: webPath('assets'),
    prefix: '/assets/app/',
    decorateReply: false,
    // Short: these change with our releases and are not fingerprinted.
    maxAge: config.production ? DAY : 0,
    index: false,
  });
}
