import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { UuidParam } from '../../../common/validation/uuid-param';
import { GeographyService } from '../../../modules/geography/geography.service';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { readForm } from '../../render/form-input';
import { pageParam } from '../../ui/pager';
import { WebController } from '../../web-controller';
import { DistrictPage, DistrictPageProps } from './district.page';
import { checkPlace, placeRefusal, readPlace } from './place-forms';
import { PlacesPage, PlacesPageProps } from './places.page';
import { PlacesViews } from './places-views';
import { VillagePage, VillagePageProps } from './village.page';

/**
 * Admins' pages for regions, districts and villages: the same GeographyService and DTOs as the
 * JSON API's /api/regions, /api/districts and /api/villages. A refused form keeps its values and
 * stores nothing.
 */
@WebController()
export class AdminPlacesController {
  constructor(
    private readonly views: PlacesViews,
    private readonly geography: GeographyService,
  ) {}

  @Get('admin/places')
  @Roles('admin')
  async places(@Query('page') pageNumber?: unknown, @Query('saved') saved?: unknown): Promise<PageResult> {
    const view = await this.views.places(pageParam(pageNumber));
    return page(PlacesPage, { view, errors: [], saved: saved === '1' });
  }

  @Post('admin/places/regions')
  @Roles('admin')
  @HttpCode(200)
  async addRegion(@CurrentUser() actor: AuthUser, @Body() body: unknown): Promise<PageResult | RedirectResult> {
    const form = readPlace(body, 'region-');
    const shown = async (props: Partial<PlacesPageProps>, status: number) =>
      page(PlacesPage, { view: await this.views.places(1), region: form, errors: [], ...props }, status);
    const { value, errors } = checkPlace(form, 'region-', 'create');
    if (errors.length > 0) return shown({ errors }, 400);
    try {
      await this.geography.createRegion(actor.id, { name: value.name, katoCode: value.katoCode ?? null });
      return seeOther('/admin/places?saved=1');
    } catch (error) {
      const refusal = placeRefusal(error, form, 'region-');
      if (!refusal) throw error;
      return shown({ errors: refusal.errors }, 409);
    }
  }

  @Post('admin/places/districts')
  @Roles('admin')
  @HttpCode(200)
  async addDistrict(@CurrentUser() actor: AuthUser, @Body() body: unknown): Promise<PageResult | RedirectResult> {
    const form = readPlace(body, 'district-', true);
    const shown = async (props: Partial<PlacesPageProps>, status: number) =>
      page(PlacesPage, { view: await this.views.places(1), district: form, errors: [], ...props }, status);
    const { value, errors } = checkPlace(form, 'district-', 'createDistrict');
    if (errors.length > 0) return shown({ errors }, 400);
    try {
      const district = await this.geography.createDistrict(actor.id, {
        regionId: form.regionId,
        name: value.name,
        katoCode: value.katoCode ?? null,
      });
      return seeOther(`/admin/places/districts/${district.id}?done=saved`);
    } catch (error) {
      const refusal = placeRefusal(error, form, 'district-');
      if (!refusal) throw error;
      return shown({ errors: refusal.errors }, 409);
    }
  }

  @Get('admin/places/districts/:id')
  @Roles('admin')
  async district(
    @UuidParam() id: string,
    @Query('page') pageNumber?: unknown,
    @Query('done') done?: unknown,
  ): Promise<PageResult> {
    const view = await this.views.district(id, pageParam(pageNumber));
    return page(DistrictPage, {
      view,
      errors: [],
      done: done === 'saved' || done === 'removed' ? (done as 'saved' | 'removed') : undefined,
    });
  }

  @Post('admin/places/districts/:id')
  @Roles('admin')
  @HttpCode(200)
  async renameDistrict(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const view = await this.views.district(id, 1);
    const form = readPlace(body, 'rename-');
    const shown = (props: Partial<DistrictPageProps>, status: number) =>
      page(DistrictPage, { view, rename: form, errors: [], ...props }, status);
    const { value, errors } = checkPlace(form, 'rename-', 'rename');
    if (errors.length > 0) return shown({ errors }, 400);
    try {
      await this.geography.updateDistrict(actor.id, id, value);
      return seeOther(`/admin/places/districts/${id}?done=saved`);
    } catch (error) {
      const refusal = placeRefusal(error, form, 'rename-');
      if (!refusal) throw error;
      return shown({ errors: refusal.errors }, 409);
    }
  }

  @Post('admin/places/districts/:id/villages')
  @Roles('admin')
  @HttpCode(200)
  async addVillage(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const view = await this.views.district(id, 1);
    const form = readPlace(body, 'village-');
    const shown = (props: Partial<DistrictPageProps>, status: number) =>
      page(DistrictPage, { view, village: form, errors: [], ...props }, status);
    const { value, errors } = checkPlace(form, 'village-', 'create');
    if (errors.length > 0) return shown({ errors }, 400);
    try {
      await this.geography.createVillage(actor.id, {
        districtId: id,
        name: value.name,
        katoCode: value.katoCode ?? null,
      });
      return seeOther(`/admin/places/districts/${id}?done=saved`);
    } catch (error) {
      const refusal = placeRefusal(error, form, 'village-');
      if (!refusal) throw error;
      return shown({ errors: refusal.errors }, 409);
    }
  }

  @Get('admin/places/villages/:id')
  @Roles('admin')
  async village(@UuidParam() id: string, @Query('saved') saved?: unknown): Promise<PageResult> {
    return page(VillagePage, { village: await this.views.village(id), errors: [], saved: saved === '1' });
  }

  @Post('admin/places/villages/:id')
  @Roles('admin')
  @HttpCode(200)
  async renameVillage(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const village = await this.views.village(id);
    const form = readPlace(body, '');
    const shown = (props: Partial<VillagePageProps>, status: number) =>
      page(VillagePage, { village, form, errors: [], ...props }, status);
    const { value, errors } = checkPlace(form, '', 'rename');
    if (errors.length > 0) return shown({ errors }, 400);
    try {
      await this.geography.updateVillage(actor.id, id, value);
      return seeOther(`/admin/places/villages/${id}?saved=1`);
    } catch (error) {
      const refusal = placeRefusal(error, form, '');
      if (!refusal) throw error;
      return shown({ errors: refusal.errors }, 409);
    }
  }

  @Post('admin/places/villages/:id/delete')
  @Roles('admin')
  @HttpCode(200)
  async removeVillage(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const village = await this.views.village(id);
    const { confirm } = readForm(body, ['confirm'], 100);
    if (confirm !== 'yes')
      return page(
        VillagePage,
        { village, errors: [{ field: 'confirm', message: 'adminPlaces.error.confirm' as const }] },
        400,
      );
    try {
      await this.geography.removeVillage(actor.id, id);
      return seeOther(`/admin/places/districts/${village.districtId}?done=removed`);
    } catch (error) {
      const refusal = placeRefusal(error, { kk: '', ru: '', en: '', katoCode: '', regionId: '' }, '');
      if (!refusal?.problem) throw error;
      return page(VillagePage, { village, errors: [], problem: refusal.problem }, 409);
    }
  }
}
