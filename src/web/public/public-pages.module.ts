import { Module } from '@nestjs/common';
import { CompetitionsModule } from '../../modules/competitions/competitions.module';
import { WebCoreModule } from '../web-core.module';
import { HomeController } from './home.controller';

/** Pages anyone may read without signing in. */
@Module({
  imports: [WebCoreModule, CompetitionsModule],
  controllers: [HomeController],
})
export class PublicPagesModule {}
