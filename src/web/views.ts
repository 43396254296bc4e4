// Nunjucks, configured once: govuk-frontend's templates and macros (imported as "govuk/...") and ours
// (src/web/views for the layout and shared partials, src/web/pages for feature templates). Autoescape is on,
// so data is escaped unless a view-model hands over SafeHtml (see html.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import type { Config } from '../config.js';
import { repoPath } from '../paths.js';

/** node_modules/govuk-frontend/dist, wherever npm placed the package. */
export const govukFrontendDist = join(
  dirname(fileURLToPath(import.meta.resolve('govuk-frontend'))), // …/dist/govuk/all.mjs
  '..',
);

// Templates are read from src/web even when the code runs from dist/: tsc does not copy .njk files.
export const webPath = (...parts: string[]) => repoPath('src', 'web', ...parts);

export interface NavItem {
  href: string;
  text: string;
  active: boolean;
}

export interface Views {
  render(template: string, context: object): string;
  /** Renders a page with the layout's context (brand, nav, CSP nonce) and sends it as HTML. */
  page(
    request: FastifyRequest,
    reply: FastifyReply,
    template: string,
    viewModel: object,
    status?: number,
  ): FastifyReply;
}

const NAV = [
  { href: '/', text: 'Home', match: (p: string) => p === '/' },
  { href: '/contracts', text: 'Contracts', match: (p: string) => p.startsWith('/contracts') },
  { href: '/horizon', text: 'Horizon scan', match: (p: string) => p.startsWith('/horizon') },
  { href: '/market', text: 'Markets', match: (p: string) => p.startsWith('/market') },
  { href: '/missions', text: 'Missions', match: (p: string) => p.startsWith('/missions') },
  { href: '/suppliers', text: 'Suppliers', match: (p: string) => p.startsWith('/suppliers') },
  {
    href: '/pipeline',
    text: 'Pipelines',
    match: (p: string) => p.startsWith('/pipeline') || /^\/organisations\/[^/]+\/pipeline/.test(p),
  },
  {
    href: '/collaborate',
    text: 'Collaborate',
    match: (p: string) => /^(\/organisations\/[^/]+)?\/collaborate/.test(p),
  },
  {
    href: '/quality',
    text: 'Data quality',
    match: (p: string) => p.startsWith('/quality') || /^\/organisations\/[^/]+\/quality/.test(p),
  },
  { href: '/api/docs', text: 'API', match: (p: string) => p.startsWith('/api') },
];

export function navigation(path: string): NavItem[] {
  return NAV.map((n) => ({ href: n.href, text: n.text, active: n.match(path) }));
}

export function createViews(config: Config): Views {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([govukFrontendDist, webPath('views'), webPath('pages')], {
      // Re-read templates on change while developing; cache them in production.
      noCache: !config.production,
    }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addGlobal('serviceName', config.serviceName);
  env.addGlobal('govukBrand', config.govukBrand);

  const render = (template: string, context: object) => env.render(template, context);

  return {
    render,
    page(request, reply, template, viewModel, status = 200) {
      const path = request.url.split('?')[0] ?? '/';
      const html = render(template, {
        ...viewModel,
        navigation: navigation(path),
        // Set by plugins/session.ts: who is signed in, and the token every form must send back.
        actor: request.actor,
        csrfToken: request.csrfToken,
        alertCount: request.alertCount,
        // helmet's per-response nonce: lets govuk-frontend's one inline script (the js-enabled class) run.
        cspNonce: (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script,
      });
      return reply.code(status).type('text/html; charset=utf-8').send(html);
    },
  };
}
