import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorators';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { AuditService } from './audit.service';
import { AuditEventDto, AuditPageDto, AuditQueryDto, ChainVerificationDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'observer')
  @ApiOperation({ summary: 'List audit events in chain order, filtered by entity or actor' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors()
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 50;
    const events = await this.audit.list({
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId,
      afterSeq: query.afterSeq === undefined ? undefined : BigInt(query.afterSeq),
      limit,
    });
    const items = events.map((e) => AuditEventDto.from(e));
    return { items, nextAfterSeq: items.length === limit ? items[items.length - 1].seq : null };
  }

  @Get('verify')
  @Roles('admin', 'observer')
  @ApiOperation({ summary: 'Recompute the whole hash chain and report the first break, if any' })
  @ApiOkResponse({ type: ChainVerificationDto })
  async verify(): Promise<ChainVerificationDto> {
    return this.audit.verify();
  }
}
