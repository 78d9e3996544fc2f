import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UserDto } from '../users/dto/user.dto';
import { UserErrors } from '../users/users.errors';
import { AssistedRegistrationService } from './assisted-registration.service';
import { WalkInApplicantDto } from './dto/auth.dto';

/** Assisted intake for clients other than the web pages: the account of a walk-in applicant. */
@ApiTags('auth')
@Controller('applicants')
export class WalkInApplicantsController {
  constructor(private readonly registration: AssistedRegistrationService) {}

  @Post()
  @Roles('manager')
  @ApiOperation({
    summary:
      'Assisted intake: open an applicant account for a person who came to the office without one (no password: they get a mail in their language to choose it); then POST /api/competitions/:id/applications/assisted with their id',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(UserErrors.EMAIL_TAKEN, UserErrors.VILLAGE_NOT_FOUND)
  async register(@CurrentUser() actor: AuthUser, @Body() body: WalkInApplicantDto): Promise<UserDto> {
    return UserDto.from(await this.registration.registerApplicant(actor, body));
  }
}
