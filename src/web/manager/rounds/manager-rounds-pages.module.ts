import { Module } from '@nestjs/common';
import { CompetitionsModule } from '../../../modules/competitions/competitions.module';
import { ReviewsModule } from '../../../modules/reviews/reviews.module';
import { UsersModule } from '../../../modules/users/users.module';
import { WebCoreModule } from '../../web-core.module';
import { AssignmentsPagesController } from './assignments.controller';
import { MethodPagesController } from './method.controller';
import { PanelPagesController } from './panel.controller';
import { ResultsPagesController } from './results.controller';
import { ResultsViews } from './results-views';
import { RoundsPagesController } from './rounds.controller';
import { RoundsViews } from './rounds-views';

/**
 * Managers' pages for review rounds: the rounds of a competition, a new round from a rubric
 * template, the method form, the panel, assignment runs and changes, progress, close and finalize,
 * and the results.
 */
@Module({
  imports: [WebCoreModule, CompetitionsModule, ReviewsModule, UsersModule],
  controllers: [
    RoundsPagesController,
    MethodPagesController,
    PanelPagesController,
    AssignmentsPagesController,
    ResultsPagesController,
  ],
  providers: [RoundsViews, ResultsViews],
})
export class ManagerRoundsPagesModule {}
