import { StaffTasksModule } from '../../modules/staff-tasks/staff-tasks.module';
import { Module } from '@nestjs/common';
import { CompetitionsModule } from '../../modules/competitions/competitions.module';
import { ReviewsModule } from '../../modules/reviews/reviews.module';
import { WebCoreModule } from '../web-core.module';
import { ConflictsController } from './conflicts.controller';
import { JurorFilesController } from './juror-files.controller';
import { JurorViews } from './juror-views';
import { JurorReviewsController } from './reviews.controller';
import { ScoringController } from './scoring.controller';

/**
 * The jurors' workspace: my competitions and rounds, conflicts first, my assignments, the blind
 * scoring page with autosave, recusal, and read-only scoresheets after the round closes.
 */
@Module({
  imports: [WebCoreModule, ReviewsModule, CompetitionsModule, StaffTasksModule],
  controllers: [JurorReviewsController, ConflictsController, ScoringController, JurorFilesController],
  providers: [JurorViews],
})
export class JurorPagesModule {}
