import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ROLES, type Role } from '@app/domain';

export class LoginDto {
  @ApiProperty({ example: 'handler.gz' })
  @IsString() @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'Demo#2026' })
  @IsString() @Length(1, 128)
  password: string;
}

export class LoginResponse {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the token expires' })
  expiresIn: number;
}

export class SessionResponse {
  @ApiProperty({ description: 'Seconds until the session expires' })
  expiresIn: number;

  @ApiProperty()
  username: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty()
  organizationId: number;
}
