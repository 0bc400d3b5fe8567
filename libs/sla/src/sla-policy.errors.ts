import type { TermsProblem } from './sla-terms';

/** The terms an administrator submitted break the policy rules; problems name each field. */
export class SlaPolicyError extends Error {
  constructor(readonly problems: TermsProblem[]) {
    super(`Invalid SLA terms: ${[...new Set(problems.map((p) => p.field))].join(', ')}`);
    this.name = 'SlaPolicyError';
  }
}

export class SlaPolicyNotFoundError extends Error {
  constructor(readonly policyId: number) {
    super(`SLA policy ${policyId} does not exist`);
    this.name = 'SlaPolicyNotFoundError';
  }
}
