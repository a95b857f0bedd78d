// Who may call which route: each route names the action it takes, and the roles allowed are the
// one permission table's (src/domain/permissions.ts). A route that is not here is refused to
// everyone (deny by default), and the authorisation matrix test fails on it. The role decides
// whether a call is allowed; the jurisdiction (which county, which town or unit) is enforced by
// the data layer on every query, so an allowed call still sees only its own rows.

import { type Action, rolesFor, type UserRole } from '../domain/permissions.ts';

export type Who = 'public' | 'signed-in' | readonly UserRole[];

/** The roles that may take the action (or any of the actions). */
const may = (...actions: Action[]): readonly UserRole[] => rolesFor(...actions);

/** URL segment → fact kind, for every kind the office keeps. */
export const FACT_ROUTES = {
  units: 'units',
  people: 'people',
  posts: 'posts',
  links: 'links',
  categories: 'categories',
  assessments: 'assessments',
  acceptances: 'acceptances',
  'warning-notices': 'warning_notices',
  incidents: 'incidents',
} as const;

/** Who reads each kind of fact: incidents concern one person's conduct, county-wide roles only. */
const FACT_READERS: Record<keyof typeof FACT_ROUTES, Action> = {
  units: 'facts.read',
  people: 'facts.read',
  posts: 'facts.read',
  links: 'unit-facts.read',
  categories: 'unit-facts.read',
  assessments: 'unit-facts.read',
  acceptances: 'unit-facts.read',
  'warning-notices': 'unit-facts.read',
  incidents: 'incidents.read',
};

function factRoutes(): Record<string, Who> {
  const out: Record<string, Who> = {};
  for (const [seg, read] of Object.entries(FACT_READERS)) {
    const base = `/api/v1/counties/:county/${seg}`;
    out[`GET ${base}`] = may(read);
    out[`GET ${base}/:id`] = may(read);
    out[`POST ${base}`] = may('facts.write');
    out[`PATCH ${base}/:id`] = may('facts.write');
    out[`POST ${base}/:id/close`] = may('facts.write');
  }
  return out;
}

export const ACCESS: Record<string, Who> = {
  // The browser application (src/server/web.ts): its page and assets; /api/* keeps its JSON 404.
  'GET /': 'public',
  'GET /*': 'public',
  'GET /api/v1/health': 'public',
  'GET /api/v1/health/ready': 'public',
  'GET /api/v1/openapi.json': 'public',
  'POST /api/v1/session': 'public',
  'GET /api/v1/session': 'signed-in',
  'DELETE /api/v1/session': 'signed-in',

  'GET /api/v1/tokens': 'signed-in',
  'POST /api/v1/tokens': 'signed-in',
  'DELETE /api/v1/tokens/:id': 'signed-in',

  // The bell: each signed-in user's own notifications (store/notifications.ts keeps them to its jurisdiction).
  'GET /api/v1/notifications': 'signed-in',
  'POST /api/v1/notifications/read': 'signed-in',

  'GET /api/v1/users': may('users.manage'),
  'POST /api/v1/users': may('users.manage'),
  'PATCH /api/v1/users/:id': may('users.manage'),
  'GET /api/v1/users/:id/tokens': may('users.manage'),
  'DELETE /api/v1/users/:id/tokens/:token': may('users.manage'),

  'GET /api/v1/counties': 'signed-in',
  'POST /api/v1/counties': may('counties.create'),
  'GET /api/v1/counties/:county': may('counties.read'),
  // The county's tree, for pickers: an account's place (administrators), an audit filter.
  'GET /api/v1/counties/:county/places': may('places.read'),

  ...factRoutes(),

  'GET /api/v1/counties/:county/years/:fpYear/case': may('case.read'),
  'PUT /api/v1/counties/:county/years/:fpYear/case': may('case.write'),
  'GET /api/v1/counties/:county/years/:fpYear/evaluations': may('evaluations.read'),
  'POST /api/v1/counties/:county/years/:fpYear/evaluations': may('evaluations.run'),
  'GET /api/v1/evaluations/:id': may('evaluations.read'),
  'GET /api/v1/evaluations/:id/verify': may('evaluations.verify'),

  // 工作台: each part is there only when the role may read what it summarises (routes/worklist.ts).
  'GET /api/v1/counties/:county/years/:fpYear/worklist': may('worklist.read'),

  // 责任体系: the units, posts, links and categories as people read them (routes/registry.ts).
  'GET /api/v1/counties/:county/registry/tree': may('registry.read'),
  'GET /api/v1/counties/:county/registry/units/:id': may('registry.read'),
  'GET /api/v1/counties/:county/registry/people': may('registry.read'),
  'GET /api/v1/counties/:county/registry/people/:id': may('registry.read'),

  // 政策: the county's policy pack, for everyone who answers to it (routes/policy.ts).
  'GET /api/v1/counties/:county/policy': may('policy.read'),
  'GET /api/v1/counties/:county/vocabulary': may('policy.read'),
  // A town's own packs (七): set by the administrator, read by the county-wide readers (routes/town-packs.ts).
  'GET /api/v1/counties/:county/town-packs': may('town-packs.read'),
  'PUT /api/v1/counties/:county/town-packs/:unit': may('town-packs.set'),

  // ── The office workflows ──────────────────────────────────────────────────────────────
  // Rosters (二(四)): each town and county unit submits its own; the office returns or accepts.
  'GET /api/v1/counties/:county/years/:fpYear/rosters': may('rosters.read'),
  'GET /api/v1/counties/:county/years/:fpYear/rosters/:unit': may('rosters.read'),
  'PUT /api/v1/counties/:county/years/:fpYear/rosters/:unit': may('rosters.submit'),
  'GET /api/v1/counties/:county/years/:fpYear/rosters/:unit/diff': may('rosters.read'),
  'GET /api/v1/counties/:county/years/:fpYear/rosters/:unit/template.xlsx': may('rosters.submit'),
  'PUT /api/v1/counties/:county/years/:fpYear/rosters/:unit/xlsx': may('rosters.submit'),
  'POST /api/v1/counties/:county/years/:fpYear/rosters/:unit/return': may('rosters.review'),
  'POST /api/v1/counties/:county/years/:fpYear/rosters/:unit/accept': may('rosters.review'),

  // Assessments: rankings and category changes as the engine reads them; county scores from Excel.
  'GET /api/v1/counties/:county/years/:fpYear/rankings': may('rankings.read'),
  'GET /api/v1/counties/:county/years/:fpYear/assessments': may('unit-facts.read'),
  'GET /api/v1/counties/:county/years/:fpYear/scores/template.xlsx': may('scores.import'),
  'PUT /api/v1/counties/:county/years/:fpYear/scores/xlsx': may('scores.import'),

  // Decisions: a confirmed evaluation, superseded only by a correction with its reason.
  'POST /api/v1/counties/:county/years/:fpYear/what-if': may('what-if'),
  'GET /api/v1/evaluations/:id/diff': may('evaluations.compare'),
  'GET /api/v1/counties/:county/years/:fpYear/decisions': may('decisions.read'),
  'POST /api/v1/counties/:county/years/:fpYear/decisions': may('decisions.confirm'),
  'GET /api/v1/decisions/:id': may('decisions.read'),

  // Warning notices (四(三)2): the unit reports its correction, the office verifies it.
  'POST /api/v1/counties/:county/warning-notices/:id/correction': may('notices.correct'),
  'POST /api/v1/counties/:county/warning-notices/:id/verify': may('notices.verify'),
  'GET /api/v1/counties/:county/warning-notices/:id/document.docx': may('notices.read'),
  'GET /api/v1/counties/:county/deadlines': may('notices.read'),
  'GET /api/v1/counties/:county/years/:fpYear/escalations': may('notices.read'),
  'GET /api/v1/counties/:county/years/:fpYear/warning-notices': may('notices.read'),
  'GET /api/v1/counties/:county/years/:fpYear/warning-notices/:id': may('notices.read'),

  // Fines (八) and reward payments (兑现): obligations of the current decision, and the ledger.
  'GET /api/v1/counties/:county/years/:fpYear/obligations': may('obligations.read'),
  'GET /api/v1/obligations/:id': may('obligations.read'),
  'POST /api/v1/obligations/:id/collect': may('ledger.collect'),
  'POST /api/v1/obligations/:id/remit': may('ledger.remit'),
  'POST /api/v1/obligations/:id/refund': may('ledger.refund'),
  'POST /api/v1/obligations/:id/recover': may('ledger.recover'),
  'POST /api/v1/obligations/:id/deduct': may('ledger.deduct'),
  'POST /api/v1/obligations/:id/finance-refund': may('ledger.finance_refund'),
  'POST /api/v1/obligations/:id/pay': may('ledger.pay'),
  'POST /api/v1/ledger-entries/:id/reverse': may('ledger.reverse-unit-move', 'ledger.reverse-finance-move'),
  'GET /api/v1/ledger-entries/:id/receipt.docx': may('documents.read'),
  'GET /api/v1/counties/:county/years/:fpYear/balances': may('obligations.read'),

  // Personnel actions: recommendations; the office records what the deciding authority did.
  'GET /api/v1/counties/:county/years/:fpYear/personnel-actions': may('personnel.read'),
  'POST /api/v1/personnel-actions/:id/records': may('personnel.record'),
  'GET /api/v1/counties/:county/people/:id/restrictions': may('personnel.read'),

  // Reports: 奖惩兑现表, ledger statements, overdue lists (JSON, and Excel with Chinese headers).
  'GET /api/v1/counties/:county/years/:fpYear/reports/rewards-and-sanctions': may(
    'reports.rewards-and-sanctions',
  ),
  'GET /api/v1/counties/:county/years/:fpYear/reports/rewards-and-sanctions.xlsx': may(
    'reports.rewards-and-sanctions',
  ),
  'GET /api/v1/counties/:county/years/:fpYear/reports/statement': may('reports.statement'),
  'GET /api/v1/counties/:county/years/:fpYear/reports/statement.xlsx': may('reports.statement'),
  'GET /api/v1/counties/:county/years/:fpYear/reports/overdue': may('reports.overdue'),
  'GET /api/v1/counties/:county/years/:fpYear/reports/overdue.xlsx': may('reports.overdue'),

  // Official documents (GB/T 9704): issued once with their 发文字号, the same document after.
  // The decision names every town's and unit's people: county-wide roles; the rest as their object.
  'GET /api/v1/decisions/:id/document.docx': may('documents.decision'),
  'GET /api/v1/obligations/:id/notice.docx': may('documents.read'),
  'GET /api/v1/ledger-entries/:id/document.docx': may('documents.read'),
  'GET /api/v1/personnel-actions/:id/document.docx': may('documents.personnel'),
  'GET /api/v1/counties/:county/documents': may('documents.list'),
  'GET /api/v1/counties/:county/issuing-offices': may('documents.list'),
  'PUT /api/v1/counties/:county/issuing-offices': may(
    'issuing-offices.write-office',
    'issuing-offices.write-finance',
  ),

  'GET /api/v1/audit': may('audit.read'),
  'GET /api/v1/audit/actors': may('audit.read'),
  'GET /api/v1/audit/head': may('audit.read'),
  'GET /api/v1/audit/verify': may('audit.read'),
};

export function allowed(who: Who | undefined, role: UserRole | undefined): boolean {
  if (who === undefined) return false;
  if (who === 'public') return true;
  if (role === undefined) return false;
  return who === 'signed-in' || who.includes(role);
}
