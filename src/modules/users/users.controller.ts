import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { pageOf } from '../../common/http/pagination';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { Authenticated } from '../../common/auth/authenticated';
import { AuthUser } from '../../common/auth/role';
import { AuthErrors } from '../../common/errors/common.errors';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto, UserQueryDto } from './dto/user.dto';
import { ChangeOwnPasswordDto, UpdateOwnProfileDto } from './dto/own-account.dto';
import { OwnAccountService } from './own-account.service';
import { UserErrors } from './users.errors';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly ownAccount: OwnAccountService,
  ) {}

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(UserErrors.NOT_FOUND)
  async me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return UserDto.from(await this.users.get(user.id));
  }

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

  @Post('users')
  @Roles('admin')
  @ApiOperation({ summary: 'Create an account with any roles (jurors, managers, finance officers, observers, admins)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(UserErrors.EMAIL_TAKEN, UserErrors.VILLAGE_NOT_FOUND)
  async create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(body, actor.id));
  }

  @Get('users')
  @Roles('admin')
  @ApiOperation({ summary: 'List accounts, filtered by role or text' })
  @ApiOkResponse({ type: UserPageDto })
  async list(@Query() query: UserQueryDto): Promise<UserPageDto> {
    const [users, total] = await this.users.list(query);
    return pageOf(
      users.map((u) => UserDto.from(u)),
      total,
      query,
    );
  }

  @Get('users/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(UserErrors.NOT_FOUND)
  async get(@UuidParam() id: string): Promise<UserDto> {
    return UserDto.from(await this.users.get(id));
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change roles, language, home village, or disable an account' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(UserErrors.NOT_FOUND, UserErrors.LAST_ADMIN, UserErrors.VILLAGE_NOT_FOUND)
  async update(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.update(actor.id, id, body));
  }
}
