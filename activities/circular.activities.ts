import type { ActorRef, CircularState } from '@app/domain';
import type { CircularWriter } from '@app/projection';

export interface CircularActivityDeps {
  circulars: CircularWriter;
}

/** The circular workflow's one effect: its projection and audit record (the hash, once published). */
export function createCircularActivities({ circulars }: CircularActivityDeps) {
  return {
    async projectCircular(state: CircularState, action: string, actor: ActorRef, note: string | null, at: string): Promise<string | null> {
      return circulars.project(state, action, actor, note, new Date(at));
    },
  };
}

export type CircularActivities = ReturnType<typeof createCircularActivities>;
