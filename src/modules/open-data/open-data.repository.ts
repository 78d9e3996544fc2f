import { LocalizedText } from '../../common/i18n/localized-text';
import { pickedTextSql } from '../../common/i18n/localized-text.sql';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GrantGroup, GrantRow, PublicFigures } from './domain/public-grant';

export interface GrantFilter {
  competitionId?: string;
  regionId?: string;
  districtId?: string;
  villageId?: string;
  goalId?: string;
  sector?: string;
}

/**
 * Which awards are public grants: those the grantee accepted (accepted, active, completed), and
 * those cancelled after money went out, so that every tenge paid shows. Offers not yet answered,
 * declined ones and cancelled ones that paid nothing are not grants.
 */
const PUBLIC_AWARD = `(a.status IN ('accepted','active','completed')
  OR (a.status = 'cancelled' AND EXISTS (SELECT 1 FROM payments p WHERE p.award_id = a.id AND p.status = 'recorded')))`;

/** Competitions in draft are nobody's business yet. */
const PUBLIC_COMPETITION = `c.status <> 'draft'`;

/** What a grant is worth publicly: its amount, or once cancelled, what was paid on it. */
const AWARDED = `CASE WHEN a.status = 'cancelled' THEN coalesce(pd.paid, 0) ELSE a.amount END`;

/**
 * `paid`: recorded payments per award, of one competition's awards when `competitionParam` names
 * it (so a competition's figures never aggregate the whole country's payments).
 */
function paidPerAward(competitionParam: string | null): string {
  const scope = competitionParam
    ? `JOIN awards pa ON pa.id = p.award_id AND pa.competition_id = ${competitionParam}`
    : '';
  return `paid AS (SELECT p.award_id, sum(p.amount) AS paid FROM payments p ${scope} WHERE p.status = 'recorded' GROUP BY p.award_id)`;
}

const GRANT_FROM = `
  FROM awards a
  JOIN competitions c ON c.id = a.competition_id
  JOIN applications ap ON ap.id = a.application_id
  JOIN villages v ON v.id = ap.village_id
  JOIN districts d ON d.id = v.district_id
  JOIN regions r ON r.id = d.region_id`;

const GROUPS: Record<GrantGroup, { join: string; id: string; name: string }> = {
  region: { join: '', id: 'r.id', name: 'r.name' },
  district: { join: '', id: 'd.id', name: 'd.name' },
  village: { join: '', id: 'v.id', name: 'v.name' },
  // An application may serve several goals: its grant counts in full under each of them.
  goal: {
    join: 'JOIN application_goals ag ON ag.application_id = ap.id JOIN plan_goals g ON g.id = ag.goal_id',
    id: 'g.id',
    // The goal's code before its title, in each language the title has.
    name: `(SELECT jsonb_object_agg(t.key, g.code || ' ' || t.value) FROM jsonb_each_text(g.title) t)`,
  },
};

interface RawGrant {
  id: string;
  competition_id: string;
  competition_title: LocalizedText;
  currency: string;
  status: string;
  applicant_id: string;
  sector: string;
  planned_start: string | null;
  duration_months: number | null;
  requested_amount: string;
  amount: string;
  awarded: string;
  paid: string;
  approved_at: Date;
  updated_at: Date;
  region_id: string;
  region_name: LocalizedText;
  district_id: string;
  district_name: LocalizedText;
  village_id: string;
  village_name: LocalizedText;
  kato_code: string | null;
  goals: { id: string; code: string; title: LocalizedText }[] | null;
  payments: { id: string; amount: string; paidOn: string }[] | null;
  tranches: number;
  tranches_paid: number;
  reports_approved: number;
  jobs_created: number | null;
}

/** Read-only SQL over awards, payments and geography for the open-data pages and exports. */
@Injectable()
export class OpenDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async isPublicCompetition(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM competitions c WHERE c.id = $1 AND ${PUBLIC_COMPETITION}`,
      [id],
    );
    return rows.length > 0;
  }

  /** One page of public grants, oldest decision first, with the total for the same filter. */
  async grants(filter: GrantFilter, page: { limit: number; offset: number }): Promise<[GrantRow[], number]> {
    const { where, params } = this.where(filter);
    const [count]: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total ${GRANT_FROM} WHERE ${where}`,
      params,
    );
    // The page's ids first: payments and goals are then gathered for those rows only.
    const rows: RawGrant[] = await this.dataSource.query(
      `WITH picked AS (SELECT a.id ${GRANT_FROM} WHERE ${where} ORDER BY a.approved_at, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2})
       ${this.grantSelect()} WHERE a.id IN (SELECT id FROM picked) ORDER BY a.approved_at, a.id`,
      [...params, page.limit, page.offset],
    );
    return [rows.map(toGrantRow), Number(count.total)];
  }

  /** The ids of the public grants a filter picks, in id order: an export reads them once, then in batches. */
  async grantIds(filter: GrantFilter): Promise<string[]> {
    const { where, params } = this.where(filter);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.id ${GRANT_FROM} WHERE ${where} ORDER BY a.id`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Those of the ids that are still public grants (one may have been cancelled since the ids were read). */
  async grantsByIds(ids: string[]): Promise<GrantRow[]> {
    const rows: RawGrant[] = await this.dataSource.query(
      `${this.grantSelect()} WHERE a.id = ANY($1::uuid[]) AND ${PUBLIC_AWARD} ORDER BY a.id`,
      [ids],
    );
    return rows.map(toGrantRow);
  }

  /** Grants, awarded and paid per region, district, village or goal, and currency; sorted by name. */
  async summary(by: GrantGroup, filter: GrantFilter) {
    const group = GROUPS[by];
    const { where, params } = this.where(filter);
    const rows: { id: string; name: LocalizedText; currency: string; grants: number; awarded: string; paid: string }[] =
      await this.dataSource.query(
        // where() binds competitionId first, so when present it is $1.
        `WITH ${paidPerAward(filter.competitionId ? '$1' : null)}
       SELECT ${group.id} AS id, ${group.name} AS name, c.currency, count(*)::int AS grants,
              sum(${AWARDED}) AS awarded, sum(coalesce(pd.paid, 0)) AS paid
         ${GRANT_FROM} LEFT JOIN paid pd ON pd.award_id = a.id ${group.join}
        WHERE ${where}
        GROUP BY ${group.id}, c.currency
        ORDER BY ${pickedTextSql(`(${group.name})`)}, ${group.id}, 3`,
        params,
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      currency: r.currency,
      grants: r.grants,
      awarded: BigInt(r.awarded),
      paid: BigInt(r.paid),
    }));
  }

  /** Headline figures over public competitions, optionally one of them, in one statement; money per currency. */
  async figures(competitionId?: string): Promise<PublicFigures> {
    const scope = competitionId ? 'AND c.id = $1' : '';
    const rows: {
      currency: string | null;
      budget: string | null;
      competitions: number;
      open: number;
      submitted: number;
      villages: number;
      districts: number;
      grants: number;
      awarded: string;
      paid: string;
    }[] = await this.dataSource.query(
      `WITH ${paidPerAward(competitionId ? '$1' : null)},
              public_competitions AS (SELECT c.id, c.currency, c.budget, c.status FROM competitions c WHERE ${PUBLIC_COMPETITION} ${scope}),
              grants AS (
                SELECT c.currency, v.id AS village_id, v.district_id, ${AWARDED} AS awarded, coalesce(pd.paid, 0) AS paid
                  ${GRANT_FROM} LEFT JOIN paid pd ON pd.award_id = a.id
                 WHERE ${PUBLIC_AWARD} AND ${PUBLIC_COMPETITION} ${scope}
              ),
              money AS (
                SELECT b.currency, b.budget, coalesce(g.grants, 0) AS grants, coalesce(g.awarded, 0) AS awarded, coalesce(g.paid, 0) AS paid
                  FROM (SELECT currency, sum(budget) AS budget FROM public_competitions GROUP BY currency) b
                  LEFT JOIN (SELECT currency, count(*)::int AS grants, sum(awarded) AS awarded, sum(paid) AS paid FROM grants GROUP BY currency) g ON g.currency = b.currency
              ),
              counts AS (
                SELECT (SELECT count(*)::int FROM public_competitions) AS competitions,
                       (SELECT count(*)::int FROM public_competitions WHERE status = 'open') AS open,
                       (SELECT count(*)::int FROM applications ap JOIN public_competitions c ON c.id = ap.competition_id WHERE ap.submitted_at IS NOT NULL) AS submitted,
                       (SELECT count(DISTINCT village_id)::int FROM grants) AS villages,
                       (SELECT count(DISTINCT district_id)::int FROM grants) AS districts
              )
         SELECT counts.*, money.currency, money.budget, money.grants, money.awarded, money.paid
           FROM counts LEFT JOIN money ON true
          ORDER BY money.currency`,
      competitionId ? [competitionId] : [],
    );
    const counts = rows[0];
    return {
      competitions: counts.competitions,
      openCompetitions: counts.open,
      applicationsSubmitted: counts.submitted,
      villagesWithGrants: counts.villages,
      districtsWithGrants: counts.districts,
      money: rows
        .filter((m) => m.currency !== null)
        .map((m) => ({
          currency: m.currency!,
          budget: BigInt(m.budget!),
          grants: m.grants,
          awarded: BigInt(m.awarded),
          paid: BigInt(m.paid),
        })),
    };
  }

  private grantSelect(): string {
    return `SELECT a.id, a.competition_id, c.title AS competition_title, c.currency, a.status, a.amount, ${AWARDED} AS awarded, coalesce(pd.paid, 0) AS paid,
                   a.approved_at, greatest(a.updated_at, pd.changed_at) AS updated_at, ap.applicant_id, ap.sector, to_char(ap.planned_start, 'YYYY-MM-DD') AS planned_start,
                   ap.duration_months, ap.requested_amount,
                   r.id AS region_id, r.name AS region_name, d.id AS district_id, d.name AS district_name,
                   v.id AS village_id, v.name AS village_name, v.kato_code,
                   (SELECT json_agg(json_build_object('id', g.id, 'code', g.code, 'title', g.title) ORDER BY g.code, g.id)
                      FROM application_goals ag JOIN plan_goals g ON g.id = ag.goal_id WHERE ag.application_id = ap.id) AS goals,
                   pd.payments, pr.tranches, pr.tranches_paid, pr.reports_approved, pr.jobs_created
              ${GRANT_FROM}
              LEFT JOIN LATERAL (
                -- A payment recorded or failed changes what is disbursed: it moves the grant's last change too.
                SELECT sum(p.amount) FILTER (WHERE p.status = 'recorded') AS paid,
                       json_agg(json_build_object('id', p.id, 'amount', p.amount::text, 'paidOn', to_char(p.paid_on, 'YYYY-MM-DD')) ORDER BY p.paid_on, p.id)
                         FILTER (WHERE p.status = 'recorded') AS payments,
                       max(coalesce(p.failed_at, p.created_at)) AS changed_at
                  FROM payments p WHERE p.award_id = a.id
              ) pd ON true
              LEFT JOIN LATERAL (
                -- How far the grant has got; jobs as the latest approved milestone report states them.
                SELECT count(*)::int AS tranches, (count(*) FILTER (WHERE t.status = 'paid'))::int AS tranches_paid,
                       (SELECT count(*)::int FROM milestone_reports m WHERE m.award_id = a.id AND m.status = 'approved') AS reports_approved,
                       (SELECT m.jobs_created FROM milestone_reports m WHERE m.award_id = a.id AND m.status = 'approved'
                         ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS jobs_created
                  FROM tranches t WHERE t.award_id = a.id
              ) pr ON true`;
  }

  private where(filter: GrantFilter): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const clauses = [PUBLIC_AWARD, PUBLIC_COMPETITION];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    if (filter.competitionId) add((n) => `a.competition_id = ${n}`, filter.competitionId);
    if (filter.regionId) add((n) => `r.id = ${n}`, filter.regionId);
    if (filter.districtId) add((n) => `d.id = ${n}`, filter.districtId);
    if (filter.villageId) add((n) => `v.id = ${n}`, filter.villageId);
    if (filter.sector) add((n) => `ap.sector = ${n}`, filter.sector);
    if (filter.goalId)
      add(
        (n) => `EXISTS (SELECT 1 FROM application_goals ag WHERE ag.application_id = ap.id AND ag.goal_id = ${n})`,
        filter.goalId,
      );
    return { where: clauses.join(' AND '), params };
  }
}

function toGrantRow(r: RawGrant): GrantRow {
  return {
    id: r.id,
    competition: { id: r.competition_id, title: r.competition_title },
    currency: r.currency,
    status: r.status,
    applicantId: r.applicant_id,
    sector: r.sector,
    plannedStart: r.planned_start,
    durationMonths: r.duration_months,
    requested: BigInt(r.requested_amount),
    awarded: BigInt(r.awarded),
    paid: BigInt(r.paid),
    approvedAt: r.approved_at,
    updatedAt: r.updated_at,
    region: { id: r.region_id, name: r.region_name },
    district: { id: r.district_id, name: r.district_name },
    village: { id: r.village_id, name: r.village_name, katoCode: r.kato_code },
    goals: r.goals ?? [],
    payments: (r.payments ?? []).map((p) => ({ id: p.id, amount: BigInt(p.amount), paidOn: p.paidOn })),
    progress: {
      tranches: r.tranches,
      tranchesPaid: r.tranches_paid,
      reportsApproved: r.reports_approved,
      jobsCreated: r.jobs_created,
    },
  };
}
