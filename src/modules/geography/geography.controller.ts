import { ApiExampleBody } from '../../common/http/api-example-body';
import {
  CREATE_DISTRICT_EXAMPLE,
  CREATE_REGION_EXAMPLE,
  CREATE_VILLAGE_EXAMPLE,
  RENAME_PLACE_EXAMPLE,
} from './dto/geography.examples';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DatabaseErrors } from '../../common/errors/common.errors';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto, pageOf } from '../../common/http/pagination';
import { UuidParam } from '../../common/validation/uuid-param';
import {
  CreateDistrictDto,
  CreateRegionDto,
  CreateVillageDto,
  DistrictDto,
  DistrictPageDto,
  DistrictQueryDto,
  RegionDto,
  RegionPageDto,
  UpdatePlaceDto,
  UpdateVillageDto,
  VillageDto,
  VillagePageDto,
  VillageQueryDto,
} from './dto/geography.dto';
import { GeographyErrors as E } from './geography.errors';
import { GeographyService } from './geography.service';

@ApiTags('geography')
@Controller()
export class GeographyController {
  constructor(private readonly geography: GeographyService) {}

  @Get('regions')
  @Public()
  @ApiOperation({ summary: 'All regions' })
  @ApiOkResponse({ type: RegionPageDto })
  @ApiErrors()
  async regions(@Query() page: PageQueryDto): Promise<RegionPageDto> {
    const [regions, total] = await this.geography.regions(page.limit, page.offset);
    return pageOf(
      regions.map((r) => RegionDto.from(r)),
      total,
      page,
    );
  }

  @Get('districts')
  @Public()
  @ApiOperation({ summary: 'Districts, optionally of one region' })
  @ApiOkResponse({ type: DistrictPageDto })
  @ApiErrors()
  async districts(@Query() query: DistrictQueryDto): Promise<DistrictPageDto> {
    const [districts, total] = await this.geography.districts(query.regionId, query.limit, query.offset);
    return pageOf(
      districts.map((d) => DistrictDto.from(d)),
      total,
      query,
    );
  }

  @Get('villages')
  @Public()
  @ApiOperation({ summary: 'Villages, by region, district or name' })
  @ApiOkResponse({ type: VillagePageDto })
  @ApiErrors()
  async villages(@Query() query: VillageQueryDto): Promise<VillagePageDto> {
    const [villages, total] = await this.geography.villages(query);
    return pageOf(
      villages.map((v) => VillageDto.from(v)),
      total,
      query,
    );
  }

  @Get('villages/:id')
  @Public()
  @ApiOperation({ summary: 'One village' })
  @ApiOkResponse({ type: VillageDto })
  @ApiErrors(E.VILLAGE_NOT_FOUND)
  async village(@UuidParam() id: string): Promise<VillageDto> {
    return VillageDto.from(await this.geography.village(id));
  }

  @Post('regions')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a region' })
  @ApiExampleBody(CreateRegionDto, 'A region with its name in three languages', CREATE_REGION_EXAMPLE)
  @ApiCreatedResponse({ type: RegionDto })
  @ApiErrors(E.NAME_TAKEN, E.KATO_TAKEN)
  async createRegion(@CurrentUser() actor: AuthUser, @Body() body: CreateRegionDto): Promise<RegionDto> {
    return RegionDto.from(await this.geography.createRegion(actor.id, body));
  }

  @Patch('regions/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a region or set its KATO code' })
  @ApiExampleBody(UpdatePlaceDto, 'A new set of names', RENAME_PLACE_EXAMPLE)
  @ApiOkResponse({ type: RegionDto })
  @ApiErrors(E.REGION_NOT_FOUND, E.NAME_TAKEN, E.KATO_TAKEN)
  async updateRegion(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: UpdatePlaceDto,
  ): Promise<RegionDto> {
    return RegionDto.from(await this.geography.updateRegion(actor.id, id, body));
  }

  @Delete('regions/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a region that has no districts' })
  @ApiNoContentResponse()
  @ApiErrors(E.REGION_NOT_FOUND, DatabaseErrors.REFERENCE_IN_USE)
  async removeRegion(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<void> {
    await this.geography.removeRegion(actor.id, id);
  }

  @Post('districts')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a district to a region' })
  @ApiExampleBody(CreateDistrictDto, 'A district with its name in three languages', CREATE_DISTRICT_EXAMPLE)
  @ApiCreatedResponse({ type: DistrictDto })
  @ApiErrors(E.PARENT_NOT_FOUND, E.NAME_TAKEN, E.KATO_TAKEN)
  async createDistrict(@CurrentUser() actor: AuthUser, @Body() body: CreateDistrictDto): Promise<DistrictDto> {
    return DistrictDto.from(await this.geography.createDistrict(actor.id, body));
  }

  @Patch('districts/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a district or set its KATO code' })
  @ApiExampleBody(UpdatePlaceDto, 'A new set of names', RENAME_PLACE_EXAMPLE)
  @ApiOkResponse({ type: DistrictDto })
  @ApiErrors(E.DISTRICT_NOT_FOUND, E.NAME_TAKEN, E.KATO_TAKEN)
  async updateDistrict(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: UpdatePlaceDto,
  ): Promise<DistrictDto> {
    return DistrictDto.from(await this.geography.updateDistrict(actor.id, id, body));
  }

  @Delete('districts/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a district that has no villages' })
  @ApiNoContentResponse()
  @ApiErrors(E.DISTRICT_NOT_FOUND, DatabaseErrors.REFERENCE_IN_USE)
  async removeDistrict(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<void> {
    await this.geography.removeDistrict(actor.id, id);
  }

  @Post('villages')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a village (or rural district) to a district' })
  @ApiExampleBody(CreateVillageDto, 'A village with its name in three languages', CREATE_VILLAGE_EXAMPLE)
  @ApiCreatedResponse({ type: VillageDto })
  @ApiErrors(E.PARENT_NOT_FOUND, E.NAME_TAKEN, E.KATO_TAKEN)
  async createVillage(@CurrentUser() actor: AuthUser, @Body() body: CreateVillageDto): Promise<VillageDto> {
    return VillageDto.from(await this.geography.createVillage(actor.id, body));
  }

  @Patch('villages/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a village, change its kind or KATO code' })
  @ApiExampleBody(UpdateVillageDto, 'A new set of names', RENAME_PLACE_EXAMPLE)
  @ApiOkResponse({ type: VillageDto })
  @ApiErrors(E.VILLAGE_NOT_FOUND, E.NAME_TAKEN, E.KATO_TAKEN)
  async updateVillage(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: UpdateVillageDto,
  ): Promise<VillageDto> {
    return VillageDto.from(await this.geography.updateVillage(actor.id, id, body));
  }

  @Delete('villages/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a village nothing refers to (no plans, people or competitions)' })
  @ApiNoContentResponse()
  @ApiErrors(E.VILLAGE_NOT_FOUND, DatabaseErrors.REFERENCE_IN_USE)
  async removeVillage(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<void> {
    await this.geography.removeVillage(actor.id, id);
  }
}
