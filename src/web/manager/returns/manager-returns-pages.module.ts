import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../../modules/applications/applications.module';
import { CompetitionsModule } from '../../../modules/competitions/competitions.module';
import { WebCoreModule } from '../../web-core.module';
import { ManagerReturnsController } from './manager-returns.controller';
import { ManagerReturnsViews } from './manager-returns-views';

/** A manager's form to return a submitted application for changes. */
@Module({
  imports: [WebCoreModule, ApplicationsModule, CompetitionsModule],
  controllers: [ManagerReturnsController],
  providers: [ManagerReturnsViews],
})
export class ManagerReturnsPagesModule {}
