import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { LocalizedTextField, LocalizedTextProperty } from '../../../common/i18n/localized-text.dto';
import { PageMetaDto, PageQueryDto } from '../../../common/http/pagination';
import { District } from '../entities/district.entity';
import { Region } from '../entities/region.entity';
import { Village, VILLAGE_KINDS, VillageKind } from '../entities/village.entity';
import { OptionalNotNull } from '../../../common/validation/optional';
import { Trim } from '../../../common/validation/transforms';

class PlaceFields {
  @LocalizedTextField({
    maxLength: 200,
    description: 'Unique within its parent in each language',
    example: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' },
  })
  name!: LocalizedText;

  @ApiPropertyOptional({
    example: '471010000',
    description: 'KATO (classifier of administrative-territorial objects) code',
  })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'katoCode must be 9 digits' })
  katoCode?: string;
}

export class CreateRegionDto extends PlaceFields {}

export class CreateDistrictDto extends PlaceFields {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  regionId!: string;
}

export class CreateVillageDto extends PlaceFields {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  districtId!: string;

  @ApiPropertyOptional({ enum: VILLAGE_KINDS, default: 'village' })
  @OptionalNotNull()
  @IsIn(VILLAGE_KINDS)
  kind?: VillageKind;
}

export class UpdatePlaceDto {
  @LocalizedTextField({ maxLength: 200, required: false, description: 'Unique within its parent in each language' })
  name?: LocalizedText;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'katoCode must be 9 digits' })
  katoCode?: string;
}

export class UpdateVillageDto extends UpdatePlaceDto {
  @ApiPropertyOptional({ enum: VILLAGE_KINDS })
  @OptionalNotNull()
  @IsIn(VILLAGE_KINDS)
  kind?: VillageKind;
}

export class DistrictQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  regionId?: string;
}

export class VillageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  regionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  districtId?: string;

  @ApiPropertyOptional({ description: 'Part of the name, in any of its languages' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class RegionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @LocalizedTextProperty({ example: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' } })
  name!: LocalizedText;
  @ApiProperty({ nullable: true, type: String })
  katoCode!: string | null;

  static from(region: Region): RegionDto {
    return { id: region.id, name: region.name, katoCode: region.katoCode };
  }
}

export class DistrictDto extends RegionDto {
  @ApiProperty({ format: 'uuid' })
  regionId!: string;

  static override from(district: District): DistrictDto {
    return { id: district.id, name: district.name, katoCode: district.katoCode, regionId: district.regionId };
  }
}

export class VillageDto extends RegionDto {
  @ApiProperty({ format: 'uuid' })
  districtId!: string;
  @ApiProperty({ enum: VILLAGE_KINDS })
  kind!: VillageKind;

  static override from(village: Village): VillageDto {
    return {
      id: village.id,
      name: village.name,
      katoCode: village.katoCode,
      districtId: village.districtId,
      kind: village.kind,
    };
  }
}

export class VillagePageDto extends PageMetaDto {
  @ApiProperty({ type: [VillageDto] })
  items!: VillageDto[];
}

export class RegionPageDto extends PageMetaDto {
  @ApiProperty({ type: [RegionDto] })
  items!: RegionDto[];
}

export class DistrictPageDto extends PageMetaDto {
  @ApiProperty({ type: [DistrictDto] })
  items!: DistrictDto[];
}
