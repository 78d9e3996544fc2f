import { Module } from '@nestjs/common';
import { GeographyModule } from '../../../modules/geography/geography.module';
import { WebCoreModule } from '../../web-core.module';
import { AdminPlacesController } from './places.controller';
import { PlacesViews } from './places-views';

/** Admins' pages for places: regions, districts and villages, added, renamed, villages removed. */
@Module({
  imports: [WebCoreModule, GeographyModule],
  controllers: [AdminPlacesController],
  providers: [PlacesViews],
})
export class AdminPlacesPagesModule {}
