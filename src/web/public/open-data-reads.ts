import { Injectable } from '@nestjs/common';
import { CompetitionsService } from '../../modules/competitions/competitions.service';
import { GeographyService } from '../../modules/geography/geography.service';
import { GrantFilterDto, GrantSummaryDto, GrantSummaryQueryDto } from '../../modules/open-data/dto/open-data.dto';
import { OpenDataService } from '../../modules/open-data/open-data.service';
import { PlansService } from '../../modules/plans/plans.service';
import type { ContentText } from '../i18n/content';
import { PlaceQuery } from './public-reads';
import { grantViewOf, optionOf } from './public-site.service';
import { OpenDataView, PlaceOption, SummaryRow } from './public-views';

export const OPEN_DATA_PAGE_SIZE = 50;
const PAST = ['open', 'closed', 'finalized', 'archived'] as const;

/**
 * The open-data page: the filters a visitor chose (each dropped when it names nothing public),
 * the headline figures, grants by place and by plan goal, and one page of the grants themselves,
 * all from the services behind the JSON API's /public/grants, /public/grants/summary and /public/figures.
 */
@Injectable()
export class OpenDataReads {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly geography: GeographyService,
    private readonly plans: PlansService,
    private readonly openData: OpenDataService,
  ) {}

  async page(asked: PlaceQuery): Promise<OpenDataView> {
    // A link that names only a village (from its page) stands for its district and region too.
    const [place] = asked.village && !asked.district ? await this.geography.villagesWithPlaces([asked.village]) : [];
    const query = place ? { ...asked, region: place.district?.regionId, district: place.districtId } : asked;
    const competitions = (
      await Promise.all(PAST.map((status) => this.competitions.listPublic(status, { limit: 100, offset: 0 })))
    ).flatMap(([rows]) => rows);
    const [[regions], districts, villages, plans] = await Promise.all([
      this.geography.regions(1000, 0),
      query.region ? this.geography.districts(query.region, 1000, 0).then(([rows]) => rows) : [],
      query.district
        ? this.geography.villages({ districtId: query.district, limit: 1000, offset: 0 }).then(([rows]) => rows)
        : [],
      query.village ? this.plans.adoptedOfVillages([query.village]) : [],
    ]);
    const goals = plans.flatMap((p) => p.goals ?? []);
    // Each step counts only under the one before it, so a stale district never hides every grant.
    const regionId = regions.some((r) => r.id === query.region) ? query.region : undefined;
    const districtId = regionId && districts.some((d) => d.id === query.district) ? query.district : undefined;
    const villageId = districtId && villages.some((v) => v.id === query.village) ? query.village : undefined;
    const filter = {
      competitionId: competitions.some((c) => c.id === query.competition) ? query.competition : undefined,
      regionId,
      districtId,
      villageId,
      goalId: villageId && goals.some((g) => g.id === query.goal) ? query.goal : undefined,
    };
    const level = villageId || districtId ? 'village' : regionId ? 'district' : 'region';
    const page = query.page ?? 1;
    const [figures, byPlace, byGoal, grants] = await Promise.all([
      this.openData.figures({ competitionId: filter.competitionId }),
      this.openData.summary({ ...filter, by: level } as GrantSummaryQueryDto),
      this.openData.summary({ ...filter, by: 'goal' } as GrantSummaryQueryDto),
      this.openData.grants({
        ...filter,
        limit: OPEN_DATA_PAGE_SIZE,
        offset: (page - 1) * OPEN_DATA_PAGE_SIZE,
      } as GrantFilterDto),
    ]);
    const money = figures.money.find((m) => m.currency === 'KZT') ?? figures.money[0];
    return {
      filter,
      choices: {
        competitions: competitions.map(competitionOption),
        regions: regions.map(optionOf),
        districts: regionId ? districts.map(optionOf) : [],
        villages: districtId ? villages.map(optionOf) : [],
        goals: villageId ? goals.map((g) => ({ id: g.id, code: g.code, title: g.title })) : [],
      },
      figures: {
        competitions: figures.competitions,
        openCompetitions: figures.openCompetitions,
        applicationsSubmitted: figures.applicationsSubmitted,
        villagesWithGrants: figures.villagesWithGrants,
        districtsWithGrants: figures.districtsWithGrants,
        grants: money?.grants ?? 0,
        budget: BigInt(money?.budget ?? 0),
        awarded: BigInt(money?.amountAwarded ?? 0),
        disbursed: BigInt(money?.amountDisbursed ?? 0),
      },
      byPlace: { level, rows: rowsOf(byPlace) },
      byGoal: rowsOf(byGoal),
      grants: grants.items.map(grantViewOf),
      grantsTotal: grants.total,
      page,
      pageSize: OPEN_DATA_PAGE_SIZE,
      downloads: competitions
        .filter((c) => c.status !== 'open' && (!filter.competitionId || c.id === filter.competitionId))
        .map(competitionOption),
    };
  }
}

const competitionOption = (c: { id: string; title: ContentText }): PlaceOption => optionOf({ id: c.id, name: c.title });

function rowsOf(summary: GrantSummaryDto): SummaryRow[] {
  return summary.rows.map((r) => ({
    id: r.id,
    name: r.name,
    grants: r.grants,
    awarded: BigInt(r.amountAwarded),
    disbursed: BigInt(r.amountDisbursed),
  }));
}
