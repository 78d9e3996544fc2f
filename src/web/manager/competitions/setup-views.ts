import { Injectable } from '@nestjs/common';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { CompetitionErrors } from '../../../modules/competitions/competitions.errors';
import { CompetitionsService } from '../../../modules/competitions/competitions.service';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { GeographyService } from '../../../modules/geography/geography.service';
import { pathId } from '../../public/public-reads';

/** Every district and village the form offers; Mangistau has a handful of districts and ~60 villages. */
const MAX_DISTRICTS = 500;
const MAX_VILLAGES = 5000;

export interface PlaceChoices {
  districts: { id: string; name: LocalizedText; villages: { id: string; name: LocalizedText }[] }[];
}

/** What the setup pages read: the competitions service (as the JSON API) and the geography service. */
@Injectable()
export class SetupViews {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly geography: GeographyService,
  ) {}

  /** A competition by an id from the path; anything else is "not found". */
  async competition(id: string): Promise<Competition> {
    return this.competitions.get(pathId(id, CompetitionErrors.NOT_FOUND));
  }

  /** Districts with their villages, in name order (the repository's order). */
  async places(): Promise<PlaceChoices> {
    const [[districts], [villages]] = await Promise.all([
      this.geography.districts(undefined, MAX_DISTRICTS, 0),
      this.geography.villages({ limit: MAX_VILLAGES, offset: 0 }),
    ]);
    return {
      districts: districts.map((d) => ({
        id: d.id,
        name: d.name,
        villages: villages.filter((v) => v.districtId === d.id).map((v) => ({ id: v.id, name: v.name })),
      })),
    };
  }
}
