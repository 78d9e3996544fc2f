import { Get } from '@nestjs/common';
import { Public } from '../../common/auth/access.decorators';
import { CompetitionsService } from '../../modules/competitions/competitions.service';
import { page, PageResult } from '../render/web-result';
import { WebController } from '../web-controller';
import { HomePage } from './home.page';

@WebController()
export class HomeController {
  constructor(private readonly competitions: CompetitionsService) {}

  @Get()
  @Public()
  async home(): Promise<PageResult> {
    const [open] = await this.competitions.listPublic('open', { limit: 50, offset: 0 });
    return page(HomePage, { competitions: open, now: new Date() });
  }
}
