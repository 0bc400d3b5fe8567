import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { CreateOrganizationDto, CreateUserDto, OrganizationResponse, UpdateUserDto, UserResponse } from './directory.dtos';
import { DirectoryService } from './directory.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('api/v1/admin')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('organizations')
  @ApiOkResponse({ type: [OrganizationResponse], description: 'Your organization and everything under it' })
  organizations(@CurrentUser() admin: StaffUser): Promise<OrganizationResponse[]> {
    return this.directory.organizations(admin);
  }

  @Post('organizations')
  @HttpCode(201)
  @ApiCreatedResponse({ type: OrganizationResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  createOrganization(@CurrentUser() admin: StaffUser, @Body() body: CreateOrganizationDto): Promise<OrganizationResponse> {
    return this.directory.createOrganization(admin, body);
  }

  @Get('users')
  @ApiOkResponse({ type: [UserResponse] })
  users(@CurrentUser() admin: StaffUser): Promise<UserResponse[]> {
    return this.directory.users(admin);
  }

  @Post('users')
  @HttpCode(201)
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The username is taken' })
  createUser(@CurrentUser() admin: StaffUser, @Body() body: CreateUserDto): Promise<UserResponse> {
    return this.directory.createUser(admin, body);
  }

  @Patch('users/:id')
  @ApiOkResponse({ type: UserResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid fields, or none at all' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Administrators cannot deactivate themselves or give up their role' })
  updateUser(@CurrentUser() admin: StaffUser, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateUserDto): Promise<UserResponse> {
    return this.directory.updateUser(admin, id, body);
  }
}
