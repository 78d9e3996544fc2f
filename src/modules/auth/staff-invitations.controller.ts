import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { InviteUserDto, UserDto } from '../users/dto/user.dto';
import { UserErrors } from '../users/users.errors';
import { AssistedRegistrationService } from './assisted-registration.service';

/** Staff accounts opened by an admin whose person chooses the password, as the admin pages do, for other clients. */
@ApiTags('users')
@Controller('users/invitations')
export class StaffInvitationsController {
  constructor(private readonly registration: AssistedRegistrationService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Open an account with any roles and no password: the person gets a mail in their language with a link to choose one (POST /api/users sets a password instead)',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(UserErrors.EMAIL_TAKEN)
  async invite(@CurrentUser() actor: AuthUser, @Body() body: InviteUserDto): Promise<UserDto> {
    return UserDto.from(await this.registration.invite(actor, { ...body, phone: body.phone ?? null }));
  }
}
