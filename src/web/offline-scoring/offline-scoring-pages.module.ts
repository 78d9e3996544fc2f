import { Module } from '@nestjs/common';
import { ReviewsModule } from '../../modules/reviews/reviews.module';
import { UploadRefusedInterceptor } from '../render/upload-refused.interceptor';
import { WebCoreModule } from '../web-core.module';
import { OfflineScoringController } from './offline-scoring.controller';

/** The juror's page for scoring without a connection (download, fill in, upload). */
@Module({
  imports: [WebCoreModule, ReviewsModule],
  controllers: [OfflineScoringController],
  providers: [UploadRefusedInterceptor],
})
export class OfflineScoringPagesModule {}
