import { Body, Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/config';
import { LoginRateLimit } from '../abuse/throttle.decorators';
import { ErrorResponse } from '../common/error-response';
import { Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponse, SessionResponse } from './login.dto';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @LoginRateLimit()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in and get a bearer token (for API clients)' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async login(@Body() body: LoginDto): Promise<LoginResponse> {
    const { accessToken, expiresIn } = await this.auth.login(body.username, body.password);
    return { accessToken, expiresIn };
  }

  @Public()
  @LoginRateLimit()
  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in the console: the token is set as an HttpOnly cookie, never returned',
    description: 'Requests signed in by the cookie that change something must carry the header `X-Requested-With`.',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  async startSession(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const { accessToken, expiresIn, user } = await this.auth.login(body.username, body.password);
    setSessionCookie(request, response, accessToken, expiresIn, this.production);
    return { expiresIn, username: user.username, role: user.role, organizationId: user.organizationId };
  }

  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out the console: the session cookie is cleared' })
  @ApiNoContentResponse()
  endSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    clearSessionCookie(request, response, this.production);
  }

  private get production(): boolean {
    return this.config.NODE_ENV === 'production';
  }
}
