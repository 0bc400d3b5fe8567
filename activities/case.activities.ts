import type { CaseWorkflowInput } from '@app/domain';
import type { CaseProjectionWriter, RegisteredCase } from '@app/projection';

export interface CaseActivityDeps {
  projection: CaseProjectionWriter;
}

/** Adapters the case workflow calls; the rules live in libs/. */
export function createCaseActivities({ projection }: CaseActivityDeps) {
  return {
    async registerCase(input: CaseWorkflowInput): Promise<RegisteredCase> {
      return projection.register(input);
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
