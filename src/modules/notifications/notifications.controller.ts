import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { pageOf } from '../../common/http/pagination';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { NotificationDto, NotificationPageDto, NotificationQueryDto, RetriedDto } from './dto/notification.dto';
import { NotificationErrors } from './notifications.errors';
import { NotificationsAdminService } from './notifications-admin.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsAdminService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Messages not yet sent (failed, pending, queued, ...), newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrors()
  async list(@Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    const [items, total] = await this.notifications.list(query);
    return pageOf(
      items.map((n) => NotificationDto.from(n)),
      total,
      query,
    );
  }

  @Post('retry-failed')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send every failed message again' })
  @ApiOkResponse({ type: RetriedDto })
  async retryAll(@CurrentUser() actor: AuthUser): Promise<RetriedDto> {
    return { retried: await this.notifications.retryAllFailed(actor.id) };
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send one failed message again' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors(NotificationErrors.NOT_FOUND, NotificationErrors.NOT_FAILED)
  async retry(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<NotificationDto> {
    return NotificationDto.from(await this.notifications.retry(actor.id, id));
  }
}
