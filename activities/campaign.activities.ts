import type { ActorRef, CampaignDefinition, CampaignDraw, CampaignHeader, CampaignItemState, Category, Severity, SubjectType } from '@app/domain';

/** The spot-check finding a failed item opens: the same input as POST /spot-check-findings. */
export interface CampaignFindingRequest {
  /** campaign:<campaignId>:<itemNo>: the intake's idempotency key, so a retry opens no second case. */
  key: string;
  category: Category;
  severity: Severity;
  subjectType: SubjectType;
  subjectName: string;
  regionCode: string;
  hostUnitId: number;
  /** The drawn registry entry: the finding case names it, like a finding filed with registryEntryId. */
  registryEntryId: number;
  description: string;
}

export interface CampaignNotice {
  key: string;
  notice: string;
  message: string;
  at: string;
}

/** What the campaign workflow needs from the worker: the registry snapshot, its projection, the intake, one inbox. */
export interface CampaignPorts {
  draw(campaignId: string, definition: CampaignDefinition): Promise<CampaignDraw>;
  /** Writes the campaign and the items that changed (all of them at the draw). */
  project(header: CampaignHeader, items: CampaignItemState[], action: string, actor: ActorRef | null, note: string | null, at: Date): Promise<void>;
  openFinding(request: CampaignFindingRequest): Promise<{ caseId: string; caseNo: string }>;
  /** A notice to one user's inbox (the assigned inspector). */
  notifyUser(userId: number, notice: CampaignNotice): Promise<void>;
}

export interface CampaignActivityDeps {
  campaigns: CampaignPorts;
}

/** Adapters the campaign workflow calls; the sampler and the rules live in libs/domain. */
export function createCampaignActivities({ campaigns }: CampaignActivityDeps) {
  return {
    /** Reads the registry snapshot in scope and runs the sampler on it. */
    async drawCampaignSample(campaignId: string, definition: CampaignDefinition): Promise<CampaignDraw> {
      return campaigns.draw(campaignId, definition);
    },

    async projectCampaign(header: CampaignHeader, items: CampaignItemState[], action: string, actor: ActorRef | null, note: string | null, at: string): Promise<void> {
      await campaigns.project(header, items, action, actor, note, new Date(at));
    },

    async openCampaignFinding(request: CampaignFindingRequest): Promise<{ caseId: string; caseNo: string }> {
      return campaigns.openFinding(request);
    },

    async notifyCampaignInspector(userId: number, notice: CampaignNotice): Promise<void> {
      await campaigns.notifyUser(userId, notice);
    },
  };
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;
