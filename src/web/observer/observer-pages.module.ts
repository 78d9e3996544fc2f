import { Module } from '@nestjs/common';
import { CompetitionsModule } from '../../modules/competitions/competitions.module';
import { ReviewsModule } from '../../modules/reviews/reviews.module';
import { WebCoreModule } from '../web-core.module';
import { ObserverController } from './observer.controller';
import { ObserverViews } from './observer-views';

/** Observers' pages: the competitions and rounds, the audit log and its chain check, anonymised scoresheets. */
@Module({
  imports: [WebCoreModule, CompetitionsModule, ReviewsModule],
  controllers: [ObserverController],
  providers: [ObserverViews],
})
export class ObserverPagesModule {}
