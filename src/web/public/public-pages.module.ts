import { Module } from '@nestjs/common';
import { AwardsModule } from '../../modules/awards/awards.module';
import { CompetitionsModule } from '../../modules/competitions/competitions.module';
import { GeographyModule } from '../../modules/geography/geography.module';
import { OpenDataModule } from '../../modules/open-data/open-data.module';
import { PlansModule } from '../../modules/plans/plans.module';
import { ReviewsModule } from '../../modules/reviews/reviews.module';
import { WebCoreModule } from '../web-core.module';
import { HomeController } from './home.controller';
import { OpenDataReads } from './open-data-reads';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';

/** Pages anyone may read without signing in: home, competitions, villages, open data. */
@Module({
  imports: [
    WebCoreModule,
    CompetitionsModule,
    GeographyModule,
    PlansModule,
    ReviewsModule,
    AwardsModule,
    OpenDataModule,
  ],
  controllers: [HomeController, PublicSiteController],
  providers: [PublicSiteService, OpenDataReads],
})
export class PublicPagesModule {}
