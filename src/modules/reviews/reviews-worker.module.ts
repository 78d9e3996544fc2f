import { Module } from '@nestjs/common';
import { ReviewsModule } from './reviews.module';
import { ReviewsWorker } from './reviews.worker';

/** The worker's consumer of the `reviews` queue. */
@Module({
  imports: [ReviewsModule],
  providers: [ReviewsWorker],
})
export class ReviewsWorkerModule {}
