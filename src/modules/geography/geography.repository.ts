import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { LocalizedText } from '../../common/i18n/localized-text';
import { pickedTextSql, textMatchesSql } from '../../common/i18n/localized-text.sql';
import { escapeLike } from '../../database/sql';
import { District } from './entities/district.entity';
import { Region } from './entities/region.entity';
import { Village } from './entities/village.entity';

export type Place = Region | District | Village;

/** A village with the names of its district and region (each per language), for a picker. */
export interface VillageChoice {
  id: string;
  name: LocalizedText;
  districtName: LocalizedText;
  regionName: LocalizedText;
}

export interface VillageFilter {
  regionId?: string;
  districtId?: string;
  search?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class GeographyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert<T extends Place>(em: EntityManager, target: EntityTarget<T>, values: Partial<T>): Promise<T> {
    return em.save(target, em.create(target, values as T));
  }

  async findForUpdate<T extends Place>(em: EntityManager, target: EntityTarget<T>, id: string): Promise<T | null> {
    return em
      .getRepository(target)
      .createQueryBuilder('p')
      .where('p.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async save<T extends Place>(em: EntityManager, target: EntityTarget<T>, place: T): Promise<T> {
    return em.save(target, place);
  }

  async remove(em: EntityManager, target: EntityTarget<Place>, id: string): Promise<void> {
    await em.delete(target, { id });
  }

  async regions(limit: number, offset: number): Promise<[Region[], number]> {
    return this.dataSource
      .getRepository(Region)
      .createQueryBuilder('r')
      .orderBy(pickedTextSql('r.name'), 'ASC')
      .addOrderBy('r.id')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
  }

  async districts(regionId: string | undefined, limit: number, offset: number): Promise<[District[], number]> {
    const query = this.dataSource
      .getRepository(District)
      .createQueryBuilder('d')
      .orderBy(pickedTextSql('d.name'), 'ASC')
      .addOrderBy('d.id');
    if (regionId) query.andWhere('d.regionId = :regionId', { regionId });
    return query.take(limit).skip(offset).getManyAndCount();
  }

  async villages(filter: VillageFilter): Promise<[Village[], number]> {
    const query = this.dataSource
      .getRepository(Village)
      .createQueryBuilder('v')
      .orderBy(pickedTextSql('v.name'), 'ASC')
      .addOrderBy('v.id');
    if (filter.districtId) query.andWhere('v.districtId = :districtId', { districtId: filter.districtId });
    if (filter.regionId)
      query.andWhere('v.districtId IN (SELECT id FROM districts WHERE region_id = :regionId)', {
        regionId: filter.regionId,
      });
    if (filter.search)
      query.andWhere(textMatchesSql('v.name', ':search'), { search: `%${escapeLike(filter.search)}%` });
    return query.take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  /** Every village with its district's and region's names: one read for the home village picker. */
  async villageChoices(): Promise<VillageChoice[]> {
    return this.dataSource.query(
      `SELECT v.id, v.name, d.name AS "districtName", r.name AS "regionName"
         FROM villages v JOIN districts d ON d.id = v.district_id JOIN regions r ON r.id = d.region_id`,
    );
  }

  async findDistrict(id: string): Promise<District | null> {
    return this.dataSource.manager.findOneBy(District, { id });
  }

  /** How many villages each of these districts has (a district with none is left out). */
  async villageCounts(districtIds: string[]): Promise<Map<string, number>> {
    if (districtIds.length === 0) return new Map();
    const rows: { districtId: string; count: string }[] = await this.dataSource.query(
      `SELECT district_id AS "districtId", count(*) AS count FROM villages WHERE district_id = ANY($1) GROUP BY district_id`,
      [districtIds],
    );
    return new Map(rows.map((r) => [r.districtId, Number(r.count)]));
  }

  async findVillage(id: string, em: EntityManager = this.dataSource.manager): Promise<Village | null> {
    return em.findOneBy(Village, { id });
  }

  async findVillagesWithDistricts(ids: string[], em: EntityManager = this.dataSource.manager): Promise<Village[]> {
    if (ids.length === 0) return [];
    return em.getRepository(Village).createQueryBuilder('v').where('v.id IN (:...ids)', { ids }).getMany();
  }

  /** Villages with their district and region loaded, in the order every list of places uses (kk, ru, en pick). */
  async findVillagesWithPlaces(ids: string[]): Promise<Village[]> {
    if (ids.length === 0) return [];
    return this.dataSource
      .getRepository(Village)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.district', 'd')
      .innerJoinAndSelect('d.region', 'r')
      .where('v.id IN (:...ids)', { ids })
      .orderBy(pickedTextSql('v.name'), 'ASC')
      .addOrderBy('v.id')
      .getMany();
  }

  async existingDistrictIds(ids: string[], em: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await em
      .getRepository(District)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where('d.id IN (:...ids)', { ids })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
