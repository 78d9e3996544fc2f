import { Injectable } from '@nestjs/common';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { GeographyService } from '../../../modules/geography/geography.service';

/** Twenty regions a page on the places page; fifty villages a page on a district's page. */
export const REGIONS_PER_PAGE = 20;
export const VILLAGES_PER_PAGE = 50;
/** A region's districts shown at once (an oblast has about a dozen). */
const DISTRICTS_SHOWN = 100;

export interface PlaceRow {
  id: string;
  name: LocalizedText;
  katoCode: string | null;
}
export interface DistrictRow extends PlaceRow {
  villages: number;
}
export interface RegionRow extends PlaceRow {
  districts: DistrictRow[];
}
export interface PlacesView {
  regions: RegionRow[];
  total: number;
  page: number;
  pages: number;
}
export interface DistrictView {
  district: PlaceRow & { regionId: string };
  villages: PlaceRow[];
  total: number;
  page: number;
  pages: number;
}

const row = (p: PlaceRow): PlaceRow => ({ id: p.id, name: p.name, katoCode: p.katoCode });
const pagesOf = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** The admin's reads of regions, districts and villages, through the geography module's service. */
@Injectable()
export class PlacesViews {
  constructor(private readonly geography: GeographyService) {}

  async places(page: number): Promise<PlacesView> {
    const [regions, total] = await this.geography.regions(REGIONS_PER_PAGE, (page - 1) * REGIONS_PER_PAGE);
    const districts = await Promise.all(
      regions.map(async (r) => (await this.geography.districts(r.id, DISTRICTS_SHOWN, 0))[0]),
    );
    const counts = await this.geography.villageCounts(districts.flat().map((d) => d.id));
    return {
      regions: regions.map((r, i) => ({
        ...row(r),
        districts: districts[i].map((d) => ({ ...row(d), villages: counts.get(d.id) ?? 0 })),
      })),
      total,
      page,
      pages: pagesOf(total, REGIONS_PER_PAGE),
    };
  }

  async district(id: string, page: number): Promise<DistrictView> {
    const district = await this.geography.district(id);
    const [villages, total] = await this.geography.villages({
      districtId: id,
      limit: VILLAGES_PER_PAGE,
      offset: (page - 1) * VILLAGES_PER_PAGE,
    });
    return {
      district: { ...row(district), regionId: district.regionId },
      villages: villages.map(row),
      total,
      page,
      pages: pagesOf(total, VILLAGES_PER_PAGE),
    };
  }

  async village(id: string): Promise<PlaceRow & { districtId: string }> {
    const village = await this.geography.village(id);
    return { ...row(village), districtId: village.districtId };
  }
}
