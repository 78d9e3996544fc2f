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
    const { events, nextAfterSeq } = await this.audit.page(query);
    return { items: events.map((e) => AuditEventDto.from(e)), nextAfterSeq };
  }

  @Get('verify')
  @Roles('admin', 'observer')
  @ApiOperation({ summary: 'Recompute the whole hash chain and report the first break, if any' })
  @ApiOkResponse({ type: ChainVerificationDto })
  async verify(): Promise<ChainVerificationDto> {
    return this.audit.verify();
  }
}
