import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { ORGANIZATION_KINDS, PASSWORD_PATTERN, PASSWORD_RULE, ROLES, USERNAME_PATTERN, USERNAME_RULE, type OrganizationKind, type Role } from '@app/domain';
import { IsGbt2260Region } from '../regions/is-region-code.validator';
import { ApiNullableProperty } from '../common/api-nullable';

export class CreateOrganizationDto {
  @ApiProperty() @IsString() @Length(1, 100) name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) @IsIn(ORGANIZATION_KINDS) kind: OrganizationKind;
  @ApiProperty({ example: '440300', description: 'GB/T 2260 code (GET /api/v1/regions), or 000000 for the central level' }) @Matches(/^\d{6}$/, { message: 'regionCode must be six digits' }) @IsGbt2260Region({ central: true }) regionCode: string;
  @ApiProperty() @IsInt() @Min(1) parentId: number;
}

export class CreateUserDto {
  @ApiProperty() @Matches(USERNAME_PATTERN, { message: USERNAME_RULE }) username: string;
  @ApiProperty() @IsString() @Length(1, 100) displayName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiProperty() @IsInt() @Min(1) organizationId: number;
  @ApiProperty() @IsString() @Matches(PASSWORD_PATTERN, { message: PASSWORD_RULE }) password: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ description: 'Moves the account to another organization within reach; its role must fit there' }) @IsOptional() @IsInt() @Min(1) organizationId?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(PASSWORD_PATTERN, { message: PASSWORD_RULE }) password?: string;
}

export class OrganizationResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty() regionCode: string;
  @ApiNullableProperty(Number) parentId: number | null;
}

export class UserResponse {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty() role: string;
  @ApiProperty() organizationId: number;
  @ApiProperty() active: boolean;
}
