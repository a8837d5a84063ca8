/**
 * Rules of the evaluation pages, as pure functions (logic.test.ts checks them): the checklist's
 * answers and progress, what a PATCH sends, the result the answers lead to, which workflow buttons
 * a user gets, target kinds and evaluation windows (Thông tư 124/2021/TT-BCA).
 */
import type { User } from '../api/types';
import type { CriterionAnswer, Evaluation, EvaluationPatch, EvaluationResult, Rule, TargetKind } from './api';
import { EVALUATIONS_APPROVE, EVALUATIONS_WRITE } from './paths';

/** The officer's answer to one criterion in the checklist. */
export interface Answer {
  met: boolean | null;
  evidence: string;
}

export type Answers = Record<string, Answer>;

/** The answers as the server holds them. */
export function answersOf(criteria: readonly CriterionAnswer[]): Answers {
  return Object.fromEntries(criteria.map((c) => [c.code, { met: c.met ?? null, evidence: c.evidence ?? '' }]));
}

/**
 * Answered and total criteria: a criterion the officer answers counts once it is met or not met;
 * an automatic one (computed by the server) once the server has computed it.
 */
export function progressOf(criteria: readonly CriterionAnswer[], answers: Answers): { answered: number; total: number; percent: number } {
  let answered = 0;
  for (const c of criteria) {
    const met = c.auto ? c.met : (answers[c.code]?.met ?? null);
    if (met === true || met === false) answered++;
  }
  const total = criteria.length;
  return { answered, total, percent: total ? Math.round((answered * 100) / total) : 0 };
}

/** The codes of the criteria still to answer (not automatic), in order. */
export function unanswered(criteria: readonly CriterionAnswer[], answers: Answers): string[] {
  return criteria.filter((c) => !c.auto && (answers[c.code]?.met ?? null) === null).map((c) => c.code);
}

/**
 * The PATCH body: only the criteria whose answer or evidence changed (automatic ones never), the
 * day of the evaluation and the notes when they changed; null when nothing changed.
 */
export function evaluationPatch(
  evaluation: Pick<Evaluation, 'criteria' | 'evaluated_on' | 'notes'>,
  answers: Answers,
  evaluatedOn: string | null,
  notes: string,
): EvaluationPatch | null {
  const body: EvaluationPatch = {};
  const results: NonNullable<EvaluationPatch['results']> = {};
  for (const c of evaluation.criteria) {
    if (c.auto) continue;
    const a = answers[c.code];
    if (!a) continue;
    const evidence = a.evidence.trim();
    if ((c.met ?? null) !== a.met || (c.evidence ?? '').trim() !== evidence) results[c.code] = { met: a.met, evidence };
  }
  if (Object.keys(results).length) body.results = results;
  if ((evaluation.evaluated_on ?? null) !== (evaluatedOn || null)) body.evaluated_on = evaluatedOn || null;
  const n = notes.trim();
  if ((evaluation.notes ?? '').trim() !== n) body.notes = n || null;
  return Object.keys(body).length ? body : null;
}

/**
 * The result the answers lead to, before the server decides: not passed as soon as one criterion
 * or rule is not met; passed when every criterion and rule is met; null while something is open.
 */
export function expectedResult(criteria: readonly CriterionAnswer[], answers: Answers, rules: readonly Rule[]): EvaluationResult {
  const mets = [...criteria.map((c) => (c.auto ? c.met : (answers[c.code]?.met ?? null))), ...rules.map((r) => r.met)];
  if (mets.some((m) => m === false)) return 'not_passed';
  if (mets.every((m) => m === true)) return 'passed';
  return null;
}

export interface Actions {
  /** Answer, save, attach evidence. */
  edit: boolean;
  submit: boolean;
  /** Return with a comment, approve. */
  decide: boolean;
  delete: boolean;
  certificate: boolean;
}

/**
 * The buttons of the workflow for this user: a draft or returned evaluation is edited and submitted
 * by those with `evaluations.write`; a submitted one is returned or approved by those with
 * `evaluations.approve` who did not submit it (the server also checks the approving unit's area);
 * an approved, passed one has its certificate.
 */
export function actionsFor(
  ev: Pick<Evaluation, 'status' | 'result' | 'submitted_by'>,
  user: Pick<User, 'username' | 'permissions'> | null,
): Actions {
  const can = (p: string) => !!user && user.permissions.includes(p);
  const open = ev.status === 'draft' || ev.status === 'returned';
  return {
    edit: open && can(EVALUATIONS_WRITE),
    submit: open && can(EVALUATIONS_WRITE),
    decide: ev.status === 'submitted' && can(EVALUATIONS_APPROVE) && ev.submitted_by !== user?.username,
    delete: ev.status === 'draft' && can(EVALUATIONS_WRITE),
    certificate: ev.status === 'approved' && ev.result === 'passed',
  };
}

/** The target kind of a unit: a village is a residential area; an establishment by its subkind. */
export function targetKindOf(kind: string | undefined | null, subkind?: string | null): TargetKind | null {
  if (kind === 'village') return 'residential_area';
  if (kind === 'commune') return 'commune';
  if (kind !== 'establishment') return null;
  switch (subkind) {
    case 'enterprise':
    case 'industrial_park':
      return 'enterprise';
    case 'school':
      return 'school';
    case 'agency':
    case 'hospital':
    case 'other':
      return 'agency';
    default:
      return null;
  }
}

/** The evaluation window of year Y: residential areas 01/11/(Y−1)–31/10/Y, the others 16/11/(Y−1)–15/11/Y. */
export function windowOf(kind: TargetKind | string, year: number): { from: string; to: string } {
  return kind === 'residential_area'
    ? { from: `${year - 1}-11-01`, to: `${year}-10-31` }
    : { from: `${year - 1}-11-16`, to: `${year}-11-15` };
}

/** The share of households registered (0–100, whole), or null when the total is unknown. */
export function householdShare(total: number | null | undefined, registered: number | null | undefined): number | null {
  if (!total || total <= 0 || registered === null || registered === undefined) return null;
  return Math.min(100, Math.floor((registered * 100) / total));
}
