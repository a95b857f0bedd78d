// Who may call which route: the one declared table. A route that is not here is refused to
// everyone (deny by default), and the authorisation matrix test fails on it. The role decides
// whether a call is allowed; the jurisdiction (which county, which town or unit) is enforced by
// the data layer on every query, so an allowed call still sees only its own rows.

import type { Role } from '../store/scope.ts';

export type Who = 'public' | 'signed-in' | readonly Role[];

const READ_FACTS: readonly Role[] = ['office', 'auditor', 'town', 'unit', 'finance'];
const COUNTY_READ: readonly Role[] = ['office', 'auditor'];
const OFFICE: readonly Role[] = ['office'];
/** 责任体系 joins links and categories in: the roles that read those. */
const REGISTRY: readonly Role[] = ['office', 'auditor', 'town', 'unit'];

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
const FACT_READERS: Record<keyof typeof FACT_ROUTES, readonly Role[]> = {
  units: READ_FACTS,
  people: READ_FACTS,
  posts: READ_FACTS,
  links: ['office', 'auditor', 'town', 'unit'],
  categories: ['office', 'auditor', 'town', 'unit'],
  assessments: ['office', 'auditor', 'town', 'unit'],
  acceptances: ['office', 'auditor', 'town', 'unit'],
  'warning-notices': ['office', 'auditor', 'town', 'unit'],
  incidents: COUNTY_READ,
};

function factRoutes(): Record<string, Who> {
  const out: Record<string, Who> = {};
  for (const [seg, readers] of Object.entries(FACT_READERS)) {
    const base = `/api/v1/counties/:county/${seg}`;
    out[`GET ${base}`] = readers;
    out[`GET ${base}/:id`] = readers;
    out[`POST ${base}`] = OFFICE;
    out[`PATCH ${base}/:id`] = OFFICE;
    out[`POST ${base}/:id/close`] = OFFICE;
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

  'GET /api/v1/users': ['admin'],
  'POST /api/v1/users': ['admin'],
  'PATCH /api/v1/users/:id': ['admin'],
  'GET /api/v1/users/:id/tokens': ['admin'],
  'DELETE /api/v1/users/:id/tokens/:token': ['admin'],

  'GET /api/v1/counties': 'signed-in',
  'POST /api/v1/counties': ['admin'],
  'GET /api/v1/counties/:county': ['office', 'auditor', 'town', 'unit', 'finance', 'admin'],
  // The county's tree, for pickers: an account's place (administrators), an audit filter.
  'GET /api/v1/counties/:county/places': ['admin', 'office', 'auditor'],

  ...factRoutes(),

  'GET /api/v1/counties/:county/years/:fpYear/case': COUNTY_READ,
  'PUT /api/v1/counties/:county/years/:fpYear/case': OFFICE,
  'GET /api/v1/counties/:county/years/:fpYear/evaluations': READ_FACTS,
  'POST /api/v1/counties/:county/years/:fpYear/evaluations': OFFICE,
  'GET /api/v1/evaluations/:id': READ_FACTS,
  'GET /api/v1/evaluations/:id/verify': ['office', 'auditor'],

  // 工作台: each part is there only when the role may read what it summarises (routes/worklist.ts).
  'GET /api/v1/counties/:county/years/:fpYear/worklist': READ_FACTS,

  // 责任体系: the units, posts, links and categories as people read them (routes/registry.ts).
  'GET /api/v1/counties/:county/registry/tree': REGISTRY,
  'GET /api/v1/counties/:county/registry/units/:id': REGISTRY,
  'GET /api/v1/counties/:county/registry/people': REGISTRY,
  'GET /api/v1/counties/:county/registry/people/:id': REGISTRY,

  // 政策: the county's policy pack, for everyone who answers to it (routes/policy.ts).
  'GET /api/v1/counties/:county/policy': [...READ_FACTS, 'admin'],

  // ── The office workflows ──────────────────────────────────────────────────────────────
  // Rosters (二(四)): each town and county unit submits its own; the office returns or accepts.
  'GET /api/v1/counties/:county/years/:fpYear/rosters': ['office', 'auditor', 'town', 'unit'],
  'GET /api/v1/counties/:county/years/:fpYear/rosters/:unit': ['office', 'auditor', 'town', 'unit'],
  'PUT /api/v1/counties/:county/years/:fpYear/rosters/:unit': ['office', 'town', 'unit'],
  'GET /api/v1/counties/:county/years/:fpYear/rosters/:unit/diff': ['office', 'auditor', 'town', 'unit'],
  'GET /api/v1/counties/:county/years/:fpYear/rosters/:unit/template.xlsx': ['office', 'town', 'unit'],
  'PUT /api/v1/counties/:county/years/:fpYear/rosters/:unit/xlsx': ['office', 'town', 'unit'],
  'POST /api/v1/counties/:county/years/:fpYear/rosters/:unit/return': OFFICE,
  'POST /api/v1/counties/:county/years/:fpYear/rosters/:unit/accept': OFFICE,

  // Assessments: rankings and category changes as the engine reads them; county scores from Excel.
  'GET /api/v1/counties/:county/years/:fpYear/rankings': ['office', 'auditor', 'town', 'unit'],
  'GET /api/v1/counties/:county/years/:fpYear/assessments': ['office', 'auditor', 'town', 'unit'],
  'GET /api/v1/counties/:county/years/:fpYear/scores/template.xlsx': OFFICE,
  'PUT /api/v1/counties/:county/years/:fpYear/scores/xlsx': OFFICE,

  // Decisions: a confirmed evaluation, superseded only by a correction with its reason.
  'POST /api/v1/counties/:county/years/:fpYear/what-if': COUNTY_READ,
  'GET /api/v1/evaluations/:id/diff': COUNTY_READ,
  'GET /api/v1/counties/:county/years/:fpYear/decisions': READ_FACTS,
  'POST /api/v1/counties/:county/years/:fpYear/decisions': OFFICE,
  'GET /api/v1/decisions/:id': READ_FACTS,

  // Warning notices (四(三)2): the unit reports its correction, the office verifies it.
  'POST /api/v1/counties/:county/warning-notices/:id/correction': ['office', 'town', 'unit'],
  'POST /api/v1/counties/:county/warning-notices/:id/verify': OFFICE,
  'GET /api/v1/counties/:county/warning-notices/:id/document.docx': ['office', 'auditor', 'town', 'unit'],
  'GET /api/v1/counties/:county/deadlines': ['office', 'auditor', 'town', 'unit'],
  'GET /api/v1/counties/:county/years/:fpYear/escalations': ['office', 'auditor', 'town', 'unit'],
  'GET /api/v1/counties/:county/years/:fpYear/warning-notices': ['office', 'auditor', 'town', 'unit'],
  'GET /api/v1/counties/:county/years/:fpYear/warning-notices/:id': ['office', 'auditor', 'town', 'unit'],

  // Fines (八) and reward payments (兑现): obligations of the current decision, and the ledger.
  'GET /api/v1/counties/:county/years/:fpYear/obligations': READ_FACTS,
  'GET /api/v1/obligations/:id': READ_FACTS,
  'POST /api/v1/obligations/:id/collect': ['office', 'town', 'unit'],
  'POST /api/v1/obligations/:id/remit': ['office', 'town', 'unit'],
  'POST /api/v1/obligations/:id/refund': ['office', 'town', 'unit'],
  'POST /api/v1/obligations/:id/recover': ['office', 'town', 'unit'],
  'POST /api/v1/obligations/:id/deduct': ['finance'],
  'POST /api/v1/obligations/:id/finance-refund': ['finance'],
  'POST /api/v1/obligations/:id/pay': ['finance'],
  'POST /api/v1/ledger-entries/:id/reverse': ['office', 'finance'],
  'GET /api/v1/ledger-entries/:id/receipt.docx': READ_FACTS,
  'GET /api/v1/counties/:county/years/:fpYear/balances': READ_FACTS,

  // Personnel actions: recommendations; the office records what the deciding authority did.
  'GET /api/v1/counties/:county/years/:fpYear/personnel-actions': ['office', 'auditor', 'town', 'unit'],
  'POST /api/v1/personnel-actions/:id/records': OFFICE,
  'GET /api/v1/counties/:county/people/:id/restrictions': ['office', 'auditor', 'town', 'unit'],

  // Reports: 奖惩兑现表, ledger statements, overdue lists (JSON, and Excel with Chinese headers).
  'GET /api/v1/counties/:county/years/:fpYear/reports/rewards-and-sanctions': [
    'office',
    'auditor',
    'finance',
  ],
  'GET /api/v1/counties/:county/years/:fpYear/reports/rewards-and-sanctions.xlsx': [
    'office',
    'auditor',
    'finance',
  ],
  'GET /api/v1/counties/:county/years/:fpYear/reports/statement': READ_FACTS,
  'GET /api/v1/counties/:county/years/:fpYear/reports/statement.xlsx': READ_FACTS,
  'GET /api/v1/counties/:county/years/:fpYear/reports/overdue': [
    'office',
    'auditor',
    'finance',
    'town',
    'unit',
  ],
  'GET /api/v1/counties/:county/years/:fpYear/reports/overdue.xlsx': [
    'office',
    'auditor',
    'finance',
    'town',
    'unit',
  ],

  // Official documents (GB/T 9704): issued once with their 发文字号, the same document after.
  // The decision names every town's and unit's people: county-wide roles; the rest as their object.
  'GET /api/v1/decisions/:id/document.docx': ['office', 'auditor', 'finance'],
  'GET /api/v1/obligations/:id/notice.docx': READ_FACTS,
  'GET /api/v1/ledger-entries/:id/document.docx': READ_FACTS,
  'GET /api/v1/personnel-actions/:id/document.docx': ['office', 'auditor', 'town', 'unit'],
  'GET /api/v1/counties/:county/documents': ['office', 'auditor', 'finance'],
  'GET /api/v1/counties/:county/issuing-offices': ['office', 'auditor', 'finance'],
  'PUT /api/v1/counties/:county/issuing-offices': ['office', 'finance'],

  'GET /api/v1/audit': ['auditor', 'admin'],
  'GET /api/v1/audit/actors': ['auditor', 'admin'],
  'GET /api/v1/audit/head': ['auditor', 'admin'],
  'GET /api/v1/audit/verify': ['auditor', 'admin'],
};

export function allowed(who: Who | undefined, role: Role | undefined): boolean {
  if (who === undefined) return false;
  if (who === 'public') return true;
  if (role === undefined) return false;
  return who === 'signed-in' || who.includes(role);
}
