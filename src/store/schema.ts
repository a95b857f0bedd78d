// The tables of the office store, as Kysely sees them. One schema for SQLite and PostgreSQL:
// dates are `YYYY-MM-DD` text, timestamps ISO-8601 text from the application's clock, booleans
// 0/1, lists and documents JSON text, money integer fen. Rows are never deleted: a post that ends
// is closed (`to_date`), a fact withdrawn is retracted (`retracted_at`), both kept as history.

import type { Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';

interface Stamped {
  created_at: string;
  updated_at: string;
}
interface Retractable {
  retracted_at: string | null;
  retracted_by: string | null;
  retract_reason: string | null;
}

export interface CountiesTable extends Stamped {
  id: string;
  name: string;
  policy: string;
}

export interface CountyYearsTable extends Stamped {
  county_id: string;
  fp_year: number;
  decided_on: string | null;
  /** JSON: the county's chosen readings for the year */
  interpretations: string;
  /** JSON { table: [row ids] }: facts the year's case holds outside the year's dates (0003). */
  held: Generated<string>;
}

export interface UnitsTable extends Stamped {
  county_id: string;
  id: string;
  kind: string;
  name: string;
  town_id: string | null;
  governance_duty: number;
  closed_on: string | null;
}

export interface PeopleTable extends Stamped, Retractable {
  county_id: string;
  id: string;
  name: string;
  staff_type: string | null;
}

export interface PostsTable extends Stamped, Retractable {
  id: string;
  county_id: string;
  person_id: string;
  unit_id: string;
  role: string;
  from_date: string | null;
  to_date: string | null;
}

export interface LinksTable extends Stamped, Retractable {
  id: string;
  county_id: string;
  kind: string;
  person_id: string | null;
  unit_id: string | null;
  village_id: string | null;
  town_id: string | null;
  from_date: string | null;
  to_date: string | null;
}

export interface CategoriesTable extends Stamped, Retractable {
  id: string;
  county_id: string;
  unit_id: string;
  fp_year: number;
  category: number;
}

export interface AssessmentsTable extends Stamped, Retractable {
  id: string;
  county_id: string;
  fp_year: number;
  by: string;
  subject_id: string;
  kind: string;
  outcome: string | null;
  score: number | null;
  /** JSON lists of unit ids */
  sampled: string;
  at_fault: string;
  caused_by: string;
  decided_on: string | null;
  /** The order in the year's data (I5 strict breaks ties by it). */
  position: number;
}

export interface AcceptancesTable extends Stamped, Retractable {
  id: string;
  county_id: string;
  fp_year: number;
  unit_id: string;
  kind: string;
  by: string;
  passed: number;
}

export interface WarningNoticesTable extends Stamped, Retractable {
  county_id: string;
  id: string;
  unit_id: string;
  issued_on: string;
  matter: string;
  deadline: string | null;
  corrected_on: string | null;
  correction_reported_on: string | null;
  correction_note: string | null;
  verified_by: string | null;
  /** The notice's id in a case (unique within a case); `id` is its id in the county (0003). */
  case_id: string | null;
  /** The FP year it was issued in: one notice per (county, fp_year, case_id) (0003). */
  fp_year: number | null;
}

export interface IncidentsTable extends Stamped, Retractable {
  id: string;
  county_id: string;
  kind: string;
  person_id: string;
  occurred_on: string;
}

export interface CaseImportsTable {
  id: string;
  county_id: string;
  fp_year: number;
  case_sha256: string;
  /** The document's canonical JSON, as kept-text.ts keeps it (compressed). */
  case_json: string;
  created_by: string;
  created_at: string;
}

export interface EvaluationsTable {
  id: string;
  county_id: string;
  fp_year: number;
  policy: string;
  pack_hash: string;
  engine_version: string;
  case_sha256: string;
  /** The case's canonical JSON, as kept-text.ts keeps it (compressed). */
  case_json: string;
  interpretations: string;
  /** The result's canonical JSON, kept the same way. */
  result_json: string;
  result_sha256: string;
  created_by: string;
  created_at: string;
}

/** Which town packs (七) a county's towns follow, from an FP year on. */
export interface CountyTownPacksTable {
  county_id: string;
  town_id: string;
  pack: string;
  from_year: number;
  set_by: string;
  set_at: string;
}

/** An evaluation's result under a town pack, beside the county's receipt. */
export interface TownEvaluationsTable {
  id: string;
  evaluation_id: string;
  county_id: string;
  fp_year: number;
  town_id: string;
  pack: string;
  pack_hash: string;
  engine_version: string;
  result_json: string;
  result_sha256: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  county_id: string | null;
  unit_id: string | null;
  created_at: string;
  disabled_at: string | null;
  /** The name documents print (a person's name, never the login name). */
  display_name: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** 0004: null only for a token made before expiry existed (none after the migration). */
  expires_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  ok: number;
  /** 0004: the hash of the device cookie the attempt came with, when it was the account's. */
  device: string | null;
}

/** 0004: a browser an account has signed in from (the hash of its device cookie's secret). */
export interface LoginDevicesTable {
  id: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
}

/** 0004: anonymous refusals counted per source and window. */
export interface DenialWindowsTable {
  source: string;
  window_start: string;
  count: number;
  reported: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  actor_role: string;
  action: string;
  object_type: string;
  object_id: string;
  county_id: string | null;
  unit_id: string | null;
  /** JSON, or null where nothing was there before / is after */
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface RostersTable {
  id: string;
  county_id: string;
  fp_year: number;
  unit_id: string;
  status: string;
  version: number;
  content_json: string;
  submitted_by: string;
  submitted_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  reasons_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface RosterEventsTable {
  id: string;
  roster_id: string;
  county_id: string;
  action: string;
  version: number;
  actor: string;
  at: string;
  note: string | null;
  content_json: string | null;
}

export interface DecisionsTable {
  id: string;
  county_id: string;
  fp_year: number;
  evaluation_id: string;
  supersedes: string | null;
  reason: string | null;
  fines_due_on: string;
  confirmed_by: string;
  confirmed_at: string;
}

export interface ObligationsTable {
  id: string;
  county_id: string;
  fp_year: number;
  kind: string;
  subject_kind: string;
  subject_id: string;
  clause: string;
  applies: string | null;
  collecting_unit_id: string | null;
  explanation: string;
  created_at: string;
  /** The town pack (七) that gave it; null: the county's own pack. */
  source_pack: string | null;
}

export interface LedgerEntriesTable {
  id: string;
  seq: number;
  county_id: string;
  fp_year: number;
  obligation_id: string;
  kind: string;
  amount_fen: number;
  on_date: string;
  reverses: string | null;
  unit_id: string | null;
  receipt_no: string | null;
  decision_id: string | null;
  note: string | null;
  idempotency_key: string | null;
  created_by: string;
  created_at: string;
  /** `assess` entries: the day the amount falls due (0003). */
  due_on: string | null;
}

export interface PersonnelActionsTable {
  id: string;
  county_id: string;
  fp_year: number;
  decision_id: string;
  subject_kind: string;
  subject_id: string;
  type: string;
  clause: string;
  applies: string | null;
  from_date: string | null;
  until_date: string | null;
  max_grade: string | null;
  explanation: string;
  created_at: string;
}

export interface PersonnelRecordsTable {
  id: string;
  action_id: string;
  county_id: string;
  outcome: string;
  authority: string | null;
  decided_on: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface IdempotencyKeysTable {
  key: string;
  actor: string;
  route: string;
  request_sha256: string;
  status: number;
  response_json: string;
  created_at: string;
}

export interface IssuingOfficesTable {
  county_id: string;
  id: string;
  name: string;
  mark: string;
  code: string;
  letterhead: string;
  fonts: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface IssuedDocumentsTable {
  id: string;
  county_id: string;
  kind: string;
  object_type: string;
  object_id: string;
  office: string | null;
  year: number | null;
  seq: number | null;
  number: string | null;
  dated: string;
  title: string;
  content_json: string;
  content_sha256: string;
  issued_by: string;
  issued_at: string;
}

/** 0006: what changed for the users it is addressed to (roles, and a unit or the whole county). */
export interface NotificationsTable {
  id: string;
  county_id: string;
  kind: string;
  /** JSON list of roles */
  roles: string;
  unit_id: string | null;
  fp_year: number | null;
  object_type: string;
  object_id: string;
  title: string;
  body: string;
  link: string;
  actor: string;
  created_at: string;
}

/** 0006: which notifications (stored or derived, by id) each user has read. */
export interface NotificationReadsTable {
  user_id: string;
  notification_id: string;
  read_at: string;
}

export interface Database {
  counties: CountiesTable;
  county_years: CountyYearsTable;
  units: UnitsTable;
  people: PeopleTable;
  posts: PostsTable;
  links: LinksTable;
  categories: CategoriesTable;
  assessments: AssessmentsTable;
  acceptances: AcceptancesTable;
  warning_notices: WarningNoticesTable;
  incidents: IncidentsTable;
  case_imports: CaseImportsTable;
  evaluations: EvaluationsTable;
  county_town_packs: CountyTownPacksTable;
  town_evaluations: TownEvaluationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  login_devices: LoginDevicesTable;
  denial_windows: DenialWindowsTable;
  audit_log: AuditLogTable;
  rosters: RostersTable;
  roster_events: RosterEventsTable;
  decisions: DecisionsTable;
  obligations: ObligationsTable;
  ledger_entries: LedgerEntriesTable;
  personnel_actions: PersonnelActionsTable;
  personnel_records: PersonnelRecordsTable;
  idempotency_keys: IdempotencyKeysTable;
  issuing_offices: IssuingOfficesTable;
  issued_documents: IssuedDocumentsTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
