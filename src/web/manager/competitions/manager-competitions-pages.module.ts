import { Module } from '@nestjs/common';
import { CompetitionsModule } from '../../../modules/competitions/competitions.module';
import { GeographyModule } from '../../../modules/geography/geography.module';
import { WebCoreModule } from '../../web-core.module';
import { LifecyclePagesController } from './lifecycle.controller';
import { SetupPagesController } from './setup.controller';
import { SetupViews } from './setup-views';

/**
 * Managers' competition setup: a new competition and a draft's setup as one form, read only once
 * open, and opening and closing it. The list of competitions is the managers' home.
 */
@Module({
  imports: [WebCoreModule, CompetitionsModule, GeographyModule],
  controllers: [SetupPagesController, LifecyclePagesController],
  providers: [SetupViews],
})
export class ManagerCompetitionsPagesModule {}
