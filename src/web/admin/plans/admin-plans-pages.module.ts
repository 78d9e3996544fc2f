import { Module } from '@nestjs/common';
import { GeographyModule } from '../../../modules/geography/geography.module';
import { PlansModule } from '../../../modules/plans/plans.module';
import { WebCoreModule } from '../../web-core.module';
import { AdminPlansController } from './plans.controller';
import { AdminPlansViews } from './plans-views';

/** Admins' pages for village development plans: list, draft form, adopt and archive. */
@Module({
  imports: [WebCoreModule, PlansModule, GeographyModule],
  controllers: [AdminPlansController],
  providers: [AdminPlansViews],
})
export class AdminPlansPagesModule {}
