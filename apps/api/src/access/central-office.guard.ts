import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UseGuards } from '@nestjs/common';
import type { StaffUser } from '../auth/staff-user';
import { JurisdictionService } from './jurisdiction.service';

/** After the role check: only an official of the central office passes (national settings). */
@Injectable()
export class CentralOfficeGuard implements CanActivate {
  constructor(private readonly jurisdiction: JurisdictionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = context.switchToHttp().getRequest<{ user?: StaffUser }>().user;
    if (user && (await this.jurisdiction.isCentralOffice(user))) return true;
    throw new ForbiddenException('Only the central office changes national settings');
  }
}

/** National settings (SLA policies, the working-day calendar): the central office's administrators only. */
export const CentralOfficeOnly = () => UseGuards(CentralOfficeGuard);
