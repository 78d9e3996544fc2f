import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/access.decorators';
import { Authenticated } from '../../common/auth/authenticated';
import { AuthUser } from '../../common/auth/role';
import { AuthErrors } from '../../common/errors/common.errors';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { ChangeOwnPasswordDto, UpdateOwnProfileDto } from './dto/own-account.dto';
import { UserDto } from './dto/user.dto';
import { OwnAccountService } from './own-account.service';
import { UserErrors } from './users.errors';

/** A person's self-service on their own account (the profile page calls the same service). */
@ApiTags('users')
@Controller()
export class OwnAccountController {
  constructor(private readonly ownAccount: OwnAccountService) {}

  @Patch('me')
  @Authenticated()
  @ApiOperation({
    summary: 'Change your own name, phone, language or home village',
    description: 'Only the fields given change; `null` removes the phone or the home village. Audited.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(UserErrors.NOT_FOUND, UserErrors.VILLAGE_NOT_FOUND)
  async updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateOwnProfileDto): Promise<UserDto> {
    return UserDto.from(await this.ownAccount.updateOwnProfile(user.id, body));
  }

  @Post('me/password')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'Needs the current password (wrong guesses are limited per account). Revokes every refresh token and ' +
      'browser session of the account: the access token in hand works until it lapses; sign in again with the new password.',
  })
  @ApiNoContentResponse()
  @ApiErrors(UserErrors.WRONG_PASSWORD, AuthErrors.TOO_MANY_ATTEMPTS)
  async changeMyPassword(@CurrentUser() user: AuthUser, @Body() body: ChangeOwnPasswordDto): Promise<void> {
    await this.ownAccount.changeOwnPassword(user.id, body.currentPassword, body.newPassword);
  }
}
