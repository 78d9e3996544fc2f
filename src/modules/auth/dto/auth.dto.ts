import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Language } from '../../users/domain/language';
import { UserDto } from '../../users/dto/user.dto';
import { EmailField, FullNameField, LanguageField, PasswordField, PhoneField, VillageIdField } from '../../users/dto/user-fields';

export class RegisterDto {
  @EmailField()
  email!: string;

  @PasswordField()
  password!: string;

  @FullNameField()
  fullName!: string;

  @PhoneField()
  phone?: string;

  @LanguageField()
  preferredLanguage!: Language;

  @VillageIdField(true)
  homeVillageId!: string;
}

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
  @ApiProperty({ example: 900 })
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
