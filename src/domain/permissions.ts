// Who may do what: the one table. Each action names the roles that may take it; the API's route
// table (src/server/access.ts) and the data layer's checks (the ledger's moves, confirming a
// decision, verifying a correction, reviewing a roster…) are read from here, so a permission is
// written once. The role decides whether an action is allowed; which rows it reaches is the
// jurisdiction, checked by the data layer (src/store/scope.ts) on every query.

export const ROLES = ['admin', 'office', 'town', 'unit', 'finance', 'auditor'] as const;
export type UserRole = (typeof ROLES)[number];

/** Roles that work in one county and read its facts. */
const IN_COUNTY: readonly UserRole[] = ['office', 'auditor', 'town', 'unit', 'finance'];
/** Roles that take part in the registry and the workflows of units (not the finance bureau). */
const UNITS_AND_COUNTY: readonly UserRole[] = ['office', 'auditor', 'town', 'unit'];
/** County-wide readers: the office and the auditors. */
const COUNTY_READ: readonly UserRole[] = ['office', 'auditor'];
/** The money side of a decision: the office, the auditors, the finance bureau. */
const MONEY_READ: readonly UserRole[] = ['office', 'auditor', 'finance'];
/** Units paying in or out themselves, and the office for them. */
const UNIT_MOVES: readonly UserRole[] = ['office', 'town', 'unit'];

export const PERMISSIONS = {
  // Accounts and counties
  'users.manage': ['admin'],
  'counties.create': ['admin'],
  'counties.read': [...IN_COUNTY, 'admin'],
  'places.read': ['admin', 'office', 'auditor'],
  'policy.read': [...IN_COUNTY, 'admin'],
  /** A town's own packs (七): which towns follow which, set by the administrator. */
  'town-packs.read': [...COUNTY_READ, 'admin'],
  'town-packs.set': ['admin'],
  // Facts and the registry
  'facts.read': IN_COUNTY,
  /** Links, categories, assessments, acceptances and warning notices: not the finance bureau's. */
  'unit-facts.read': UNITS_AND_COUNTY,
  /** Incidents concern one person's conduct: county-wide readers only. */
  'incidents.read': COUNTY_READ,
  'facts.write': ['office'],
  'registry.read': UNITS_AND_COUNTY,
  'case.read': COUNTY_READ,
  'case.write': ['office'],
  // Evaluations and decisions
  'evaluations.read': IN_COUNTY,
  'evaluations.run': ['office'],
  'evaluations.verify': COUNTY_READ,
  'what-if': COUNTY_READ,
  'evaluations.compare': COUNTY_READ,
  'decisions.read': IN_COUNTY,
  'decisions.confirm': ['office'],
  'worklist.read': IN_COUNTY,
  // Rosters (二(四)) and assessments
  'rosters.read': UNITS_AND_COUNTY,
  'rosters.submit': UNIT_MOVES,
  'rosters.review': ['office'],
  'rankings.read': UNITS_AND_COUNTY,
  'scores.import': ['office'],
  // Warning notices: the unit reports its correction, the office verifies it
  'notices.read': UNITS_AND_COUNTY,
  'notices.correct': UNIT_MOVES,
  'notices.verify': ['office'],
  // Fines and reward payments: the ledger's moves
  'obligations.read': IN_COUNTY,
  'ledger.collect': UNIT_MOVES,
  'ledger.remit': UNIT_MOVES,
  'ledger.refund': UNIT_MOVES,
  'ledger.recover': UNIT_MOVES,
  'ledger.deduct': ['finance'],
  'ledger.finance_refund': ['finance'],
  'ledger.pay': ['finance'],
  /** Reversing an entry of a unit's move (collect, remit, refund, recover). */
  'ledger.reverse-unit-move': ['office'],
  /** Reversing an entry of the finance bureau's move (deduct, finance_refund, pay). */
  'ledger.reverse-finance-move': ['finance'],
  // Personnel recommendations
  'personnel.read': UNITS_AND_COUNTY,
  'personnel.record': ['office'],
  // Reports and documents
  'reports.rewards-and-sanctions': MONEY_READ,
  'reports.statement': IN_COUNTY,
  'reports.overdue': IN_COUNTY,
  'documents.decision': MONEY_READ,
  'documents.read': IN_COUNTY,
  'documents.personnel': UNITS_AND_COUNTY,
  'documents.list': MONEY_READ,
  /** Each issuing office sets its own letterhead: the assessment office, the finance bureau. */
  'issuing-offices.write-office': ['office'],
  'issuing-offices.write-finance': ['finance'],
  'audit.read': ['auditor', 'admin'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Action = keyof typeof PERMISSIONS;

/** Whether a role may take an action. */
export function can(role: UserRole | string | undefined, action: Action): boolean {
  return role !== undefined && (PERMISSIONS[action] as readonly string[]).includes(role);
}

/** The roles that may take an action (or any of several: the union, in ROLES order). */
export function rolesFor(...actions: Action[]): readonly UserRole[] {
  return ROLES.filter((r) => actions.some((a) => can(r, a)));
}

/** Whether a role may reverse an entry of a kind: a unit's move by the office, the finance bureau's by itself. */
export function mayReverse(role: UserRole | string, kind: string): boolean {
  const move = `ledger.${kind}`;
  if (!(move in PERMISSIONS) || kind.startsWith('reverse')) return false;
  return can(
    role,
    can('finance', move as Action) ? 'ledger.reverse-finance-move' : 'ledger.reverse-unit-move',
  );
}
