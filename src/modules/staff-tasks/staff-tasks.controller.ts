import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { TASK_KINDS, TaskKind } from './domain/staff-tasks';
import { StaffTasksService } from './staff-tasks.service';

export class StaffTaskDto {
  @ApiProperty({ enum: TASK_KINDS }) kind!: TaskKind;
  @ApiProperty({ description: 'How many wait' }) count!: number;
  @ApiProperty({ description: 'The page where they are done', example: '/manage/approvals' }) href!: string;
}

export class StaffTasksDto {
  @ApiProperty({ type: [StaffTaskDto], description: 'The kinds of task my roles give me, zero counts included' })
  tasks!: StaffTaskDto[];
}

@ApiTags('users')
@Controller('me/tasks')
export class StaffTasksController {
  constructor(private readonly staffTasks: StaffTasksService) {}

  @Get()
  @Roles('manager', 'juror', 'finance')
  @ApiOperation({
    summary:
      'What waits for me: proposals to approve (by other managers), reports to review, applications to screen (and of them, those sent again after a return for changes), failed assignment runs; for jurors, declarations to confirm and unfinished scoresheets; for finance officers, approved tranches to pay',
  })
  @ApiOkResponse({ type: StaffTasksDto })
  async mine(@CurrentUser() user: AuthUser): Promise<StaffTasksDto> {
    return { tasks: await this.staffTasks.forUser(user) };
  }
}
