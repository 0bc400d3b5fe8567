import type { ReferralState } from '@app/domain';
import type { ReferralPackageBuilder } from '@app/evidence';
import type { OrganizationDirectory, ReferralWriter } from '@app/projection';

export interface ReferralActivityDeps {
  referrals: ReferralWriter;
  directory: OrganizationDirectory;
  packages: ReferralPackageBuilder;
}

export function createReferralActivities({ referrals, directory, packages }: ReferralActivityDeps) {
  return {
    async disciplineBodyFor(orgId: number): Promise<number> {
      return directory.disciplineBodyFor(orgId);
    },

    async nextDisciplineBody(disciplineOrgId: number): Promise<number> {
      return directory.nextDisciplineBody(disciplineOrgId);
    },

    async registerReferral(state: ReferralState, at: string): Promise<void> {
      await referrals.register(state, at);
    },

    async projectReferral(state: ReferralState, at: string): Promise<void> {
      await referrals.project(state, at);
    },

    /** The package PDF, built and recorded once; returns its SHA-256. */
    async buildReferralPackage(referralId: string): Promise<string> {
      return (await packages.build(referralId)).sha256;
    },

    async openReferralIds(afterId: string, limit: number): Promise<string[]> {
      return referrals.openReferralIds(afterId, limit);
    },
  };
}

export type ReferralActivities = ReturnType<typeof createReferralActivities>;
