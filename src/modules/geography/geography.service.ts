import { Injectable } from '@nestjs/common';
import { DataSource, EntityTarget } from 'typeorm';
import { DomainError, ErrorSpec } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/domain/audit-actions';
import { District } from './entities/district.entity';
import { Region } from './entities/region.entity';
import { Village } from './entities/village.entity';
import { GeographyErrors } from './geography.errors';
import { GeographyRepository, Place, VillageFilter } from './geography.repository';

interface Level<T extends Place> {
  target: EntityTarget<T>;
  entityType: 'region' | 'district' | 'village';
  notFound: ErrorSpec;
  audit: Record<'created' | 'updated' | 'removed', AuditAction>;
}

const REGION: Level<Region> = {
  target: Region,
  entityType: 'region',
  notFound: GeographyErrors.REGION_NOT_FOUND,
  audit: { created: 'region.created', updated: 'region.updated', removed: 'region.removed' },
};
const DISTRICT: Level<District> = {
  target: District,
  entityType: 'district',
  notFound: GeographyErrors.DISTRICT_NOT_FOUND,
  audit: { created: 'district.created', updated: 'district.updated', removed: 'district.removed' },
};
const VILLAGE: Level<Village> = {
  target: Village,
  entityType: 'village',
  notFound: GeographyErrors.VILLAGE_NOT_FOUND,
  audit: { created: 'village.created', updated: 'village.updated', removed: 'village.removed' },
};

/** Regions, districts and villages: the admin edits them, everyone reads them. Every change is audited. */
@Injectable()
export class GeographyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: GeographyRepository,
    private readonly audit: AuditService,
  ) {}

  createRegion = (actorId: string, values: Partial<Region>) => this.create(REGION, actorId, values);
  createDistrict = (actorId: string, values: Partial<District>) => this.create(DISTRICT, actorId, values);
  createVillage = (actorId: string, values: Partial<Village>) => this.create(VILLAGE, actorId, values);
  updateRegion = (actorId: string, id: string, changes: Partial<Region>) => this.update(REGION, actorId, id, changes);
  updateDistrict = (actorId: string, id: string, changes: Partial<District>) =>
    this.update(DISTRICT, actorId, id, changes);
  updateVillage = (actorId: string, id: string, changes: Partial<Village>) =>
    this.update(VILLAGE, actorId, id, changes);
  removeRegion = (actorId: string, id: string) => this.remove(REGION, actorId, id);
  removeDistrict = (actorId: string, id: string) => this.remove(DISTRICT, actorId, id);
  removeVillage = (actorId: string, id: string) => this.remove(VILLAGE, actorId, id);

  regions = (limit: number, offset: number) => this.places.regions(limit, offset);
  districts = (regionId: string | undefined, limit: number, offset: number) =>
    this.places.districts(regionId, limit, offset);
  villages = (filter: VillageFilter) => this.places.villages(filter);
  villageChoices = () => this.places.villageChoices();

  async village(id: string): Promise<Village> {
    const village = await this.places.findVillage(id);
    if (!village) throw new DomainError(GeographyErrors.VILLAGE_NOT_FOUND);
    return village;
  }

  async district(id: string): Promise<District> {
    const district = await this.places.findDistrict(id);
    if (!district) throw new DomainError(GeographyErrors.DISTRICT_NOT_FOUND);
    return district;
  }

  villageCounts = (districtIds: string[]) => this.places.villageCounts(districtIds);

  /** Villages with their district and region, for pages that say where a village is. */
  villagesWithPlaces = (ids: string[]) => this.places.findVillagesWithPlaces(ids);

  private async create<T extends Place>(level: Level<T>, actorId: string, values: Partial<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const place = await this.places.insert(em, level.target, values);
      await this.audit.record(em, {
        actorId,
        action: level.audit.created,
        entityType: level.entityType,
        entityId: place.id,
        after: place,
      });
      return place;
    });
  }

  private async update<T extends Place>(level: Level<T>, actorId: string, id: string, changes: Partial<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const place = await this.places.findForUpdate(em, level.target, id);
      if (!place) throw new DomainError(level.notFound);
      const before = { ...place };
      Object.assign(place, changes);
      const saved = await this.places.save(em, level.target, place);
      await this.audit.record(em, {
        actorId,
        action: level.audit.updated,
        entityType: level.entityType,
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  private async remove<T extends Place>(level: Level<T>, actorId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const place = await this.places.findForUpdate(em, level.target, id);
      if (!place) throw new DomainError(level.notFound);
      await this.places.remove(em, level.target, id);
      await this.audit.record(em, {
        actorId,
        action: level.audit.removed,
        entityType: level.entityType,
        entityId: id,
        before: place,
      });
    });
  }
}
