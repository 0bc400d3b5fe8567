/** Workflow id of a case: one case, one workflow, forever. */
export const caseWorkflowId = (caseId: string): string => `case-${caseId}`;
