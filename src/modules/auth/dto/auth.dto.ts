import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CreateUserDto, UserDto } from '../../users/dto/user.dto';
import { EmailField, PasswordField, VillageIdField } from '../../users/dto/user-fields';

/** What an admin gives for a new account, less the roles (always applicant) and with a required village. */
export class RegisterDto extends OmitType(CreateUserDto, ['roles', 'homeVillageId'] as const) {
  @VillageIdField(true)
  homeVillageId!: string;
}

/** A walk-in applicant registered by a manager: no password (they choose it from the mailed link). */
export class WalkInApplicantDto extends OmitType(RegisterDto, ['password'] as const) {}

export class LoginDto {
  @EmailField()
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken!: string;
}

export class TokensDto {
  @ApiProperty({ description: 'JWT (HS256) for the Authorization: Bearer header' })
  accessToken!: string;
  @ApiProperty({ type: 'integer', example: 900 })
  expiresIn!: number;
  @ApiProperty({ description: 'Single use: each refresh returns a new one' })
  refreshToken!: string;
  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';
}

export class SessionDto extends TokensDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;
}

export class LinkTokenDto {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token!: string;
}

export class ConfirmEmailResultDto {
  @ApiProperty({ enum: ['confirmed', 'already_confirmed'] })
  status!: 'confirmed' | 'already_confirmed';
}

export class PasswordResetRequestDto {
  @EmailField()
  email!: string;
}

export class PasswordResetDto extends LinkTokenDto {
  @PasswordField()
  password!: string;
}

export class PasswordChangedDto {
  @ApiProperty({ enum: ['password_changed'] })
  status!: 'password_changed';
}
