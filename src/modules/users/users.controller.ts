import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { pageOf } from '../../common/http/pagination';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { Authenticated } from '../../common/auth/authenticated';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto, UserQueryDto } from './dto/user.dto';
import { UserErrors } from './users.errors';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(UserErrors.NOT_FOUND)
  async me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return UserDto.from(await this.users.get(user.id));
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
