import type { ActorRef, CaseCommand } from './case-actions';
import type { CaseWorkflowInput } from './case-input';
import { assigneeOrg, admit, applyCommand, availableActions, escalate, initialCaseState, nextWakeAt, refuseCommand, type CaseEffect, type Decision } from './case-rules';
import { refuseRetry } from './case-stall';
import { rescheduleDeadline, superviseDeadline } from './deadline-rules';
import { CASE_ACTIONS, CASE_STEPS, STEP_RULES, type Actor, type CaseAction, type CaseStep } from './case-state-machine';
import type { CaseState, RunningDeadline } from './case-state';
import { DEFAULT_SLA_TERMS, type SlaPolicySnapshot } from './sla';

// The reducer is pure: every test builds a state by hand, so nothing here depends on the workflow.

const POLICY: SlaPolicySnapshot = { ...DEFAULT_SLA_TERMS, policyId: 1, version: 1 };
const HANDLING_ORG = 10;
const INVESTIGATING_ORG = 20;
const HOST_UNIT = 30;

const ACTORS: Record<Actor, ActorRef> = {
  HANDLER: { userId: 1, role: 'HANDLER', organizationId: HANDLING_ORG },
  HOST_UNIT_OPERATOR: { userId: 2, role: 'HOST_UNIT_OPERATOR', organizationId: HOST_UNIT },
  SUPERVISOR: { userId: 3, role: 'SUPERVISOR', organizationId: HANDLING_ORG },
  INSPECTOR: { userId: 4, role: 'INSPECTOR', organizationId: 1 },
  DISCIPLINE_OFFICER: { userId: 5, role: 'DISCIPLINE_OFFICER', organizationId: 110 },
  ADMIN: { userId: 6, role: 'ADMIN', organizationId: 1 },
  COMPLAINANT: { userId: null, role: 'COMPLAINANT', organizationId: null },
};
const ALL_ACTORS = Object.keys(ACTORS) as Actor[];

// A deadline that started on Monday 2026-03-02 (Beijing) and runs 3 working days: instants written out by hand.
const STARTED = '2026-03-02T02:00:00.000Z';
const WARN_AT = '2026-03-04T16:00:00.000Z';
const DEADLINE_AT = '2026-03-05T16:00:00.000Z';
const SUPERVISION_AT = '2026-03-09T16:00:00.000Z';
const REFERRAL_AT = '2026-03-12T16:00:00.000Z';
const ms = (iso: string) => Date.parse(iso);
const at = (iso: string, deltaMs = 0) => new Date(ms(iso) + deltaMs);

function input(overrides: Partial<CaseWorkflowInput> = {}): CaseWorkflowInput {
  return {
    caseId: 'case-1',
    caseNo: 'FT20260302-0001',
    source: 'COMPLAINT',
    category: 'FORCED_CHECKIN',
    subjectType: 'WORK_GROUP',
    subjectName: '某街道工作群',
    regionCode: '440105',
    description: '要求每天打卡接龙并截图上报',
    anonymous: false,
    complainant: null,
    accessCodeHash: 'hmac-of-access-code',
    severity: null,
    submittedAt: STARTED,
    ...overrides,
  };
}

function runningDeadline(step: CaseStep): RunningDeadline | null {
  const kind = STEP_RULES[step].deadline;
  return kind
    ? { kind, amount: 3, startedAt: STARTED, warnAt: WARN_AT, deadlineAt: DEADLINE_AT, supervisionAt: SUPERVISION_AT, referralAt: REFERRAL_AT }
    : null;
}

/** A registered, dispatched case standing in `step`, with that step's deadline running. */
function stateIn(step: CaseStep, overrides: Partial<CaseState> = {}): CaseState {
  return {
    ...initialCaseState(input()),
    handlingOrgId: HANDLING_ORG,
    investigatingOrgId: INVESTIGATING_ORG,
    hostUnitId: HOST_UNIT,
    policy: POLICY,
    seq: 1,
    step,
    status: step === 'CLOSED' ? 'CLOSED' : 'OPEN',
    deadline: runningDeadline(step),
    revisitEndsAt: step === 'REVISIT' ? DEADLINE_AT : null,
    ...overrides,
  };
}

const EVIDENCE_REF = { fileId: '0f8fad5b-d9cb-469f-a165-70867728950e', sha256: 'a'.repeat(64) };

/** A valid command of each action, by the actor the product names for it. */
function command(action: CaseAction, actor?: Actor): CaseCommand {
  const payloads: Record<CaseAction, [Actor, unknown]> = {
    accept: ['HANDLER', { note: 'within scope' }],
    reject: ['HANDLER', { reason: 'NO_FACTS', note: 'no facts given' }],
    merge: ['HANDLER', { targetCaseId: 'case-0', targetCaseNo: 'FT20260301-0009', note: 'same group' }],
    dispatch: ['HANDLER', { investigatingOrgId: INVESTIGATING_ORG, hostUnitId: HOST_UNIT }],
    finding: ['HANDLER', { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: 'daily check-ins demanded' }],
    sign: ['HOST_UNIT_OPERATOR', { note: 'received' }],
    'submit-rectification': ['HOST_UNIT_OPERATOR', { plan: 'stop the check-ins', evidence: ['notice.pdf', 'group-rules.png'] }],
    'approve-rectification': ['SUPERVISOR', { note: 'done' }],
    'return-rectification': ['SUPERVISOR', { reason: 'no evidence of the group rule change' }],
    reply: ['HANDLER', { content: 'The check-ins were stopped.' }],
    'request-extension': ['HANDLER', { days: 3, reason: 'the host unit is reorganised' }],
    'decide-extension': ['SUPERVISOR', { approve: true, note: 'fine' }],
    supervise: ['SUPERVISOR', { note: 'hurry up' }],
    evaluate: ['COMPLAINANT', { satisfaction: 'SATISFIED', comment: 'thanks' }],
    'attach-evidence': ['HANDLER', { files: [EVIDENCE_REF] }],
  };
  const [defaultActor, payload] = payloads[action];
  return { action, actor: ACTORS[actor ?? defaultActor], payload } as CaseCommand;
}

function cmd<A extends CaseAction>(action: A, payload: Extract<CaseCommand, { action: A }>['payload'], actor: Actor): CaseCommand {
  return { action, actor: ACTORS[actor], payload } as CaseCommand;
}

const types = (d: Decision) => d.events.map((e) => e.type);
const startDeadline = (kind: string, amount: number): CaseEffect => ({ type: 'startDeadline', kind, amount }) as CaseEffect;
const NO_ESCALATION = { warned: false, reminded: false, supervised: false, referred: false };

describe('refuseCommand: the table of steps and roles (PRODUCT.md, "The case lifecycle")', () => {
  const WITH_DEADLINE: CaseStep[] = ['SUBMITTED', 'ACCEPTED', 'INVESTIGATING', 'NOTICE_SENT', 'RECTIFYING', 'UNDER_REVIEW', 'FEEDBACK', 'SUPERVISOR_REVIEW'];
  const OPEN: CaseStep[] = CASE_STEPS.filter((s) => s !== 'CLOSED');
  // Written out from the product text, not read from ACTION_RULES, so a change of the table shows here.
  const EXPECTED: Record<CaseAction, { steps: CaseStep[]; actors: Actor[] }> = {
    accept: { steps: ['SUBMITTED'], actors: ['HANDLER'] },
    reject: { steps: ['SUBMITTED'], actors: ['HANDLER'] },
    merge: { steps: ['SUBMITTED'], actors: ['HANDLER'] },
    dispatch: { steps: ['ACCEPTED'], actors: ['HANDLER'] },
    finding: { steps: ['INVESTIGATING'], actors: ['HANDLER'] },
    sign: { steps: ['NOTICE_SENT'], actors: ['HOST_UNIT_OPERATOR'] },
    'submit-rectification': { steps: ['RECTIFYING'], actors: ['HOST_UNIT_OPERATOR'] },
    'approve-rectification': { steps: ['UNDER_REVIEW'], actors: ['SUPERVISOR'] },
    'return-rectification': { steps: ['UNDER_REVIEW'], actors: ['SUPERVISOR'] },
    reply: { steps: ['FEEDBACK'], actors: ['HANDLER'] },
    'request-extension': { steps: WITH_DEADLINE, actors: ['HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR'] },
    'decide-extension': { steps: WITH_DEADLINE, actors: ['SUPERVISOR'] },
    supervise: { steps: OPEN, actors: ['SUPERVISOR'] },
    evaluate: { steps: ['REVISIT'], actors: ['COMPLAINANT'] },
    'attach-evidence': { steps: OPEN, actors: ['HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR', 'COMPLAINANT'] },
  };

  it('covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it.each(CASE_ACTIONS)('%s: refused in every other step and for every other role', (action) => {
    const mismatches: string[] = [];
    for (const step of CASE_STEPS) {
      for (const actor of ALL_ACTORS) {
        // A state where only the table can refuse: the extension is pending for decide, a supervisor review gets a decision.
        const state = stateIn(step, action === 'decide-extension' ? { pendingExtension: { days: 2, reason: 'r', requestedBy: ACTORS.HANDLER } } : {});
        const base = command(action, actor);
        const c = action === 'supervise' && step === 'SUPERVISOR_REVIEW' ? cmd('supervise', { note: 'n', decision: 'CLOSE' }, actor) : base;
        const got = refuseCommand(state, c, at(STARTED, 60_000));
        const expected = !EXPECTED[action].steps.includes(step)
          ? `${action} is not allowed while the case is ${step}`
          : !EXPECTED[action].actors.includes(actor)
            ? `${action} needs the role ${EXPECTED[action].actors.join(' or ')}`
            : null;
        // request-extension has a rule of its own about the role (the step's assignee); checked below.
        if (expected === null && action === 'request-extension' && actor !== STEP_RULES[step].assignee) continue;
        // attach-evidence has one too: the host unit only during rectification; checked below.
        if (expected === null && action === 'attach-evidence' && actor === 'HOST_UNIT_OPERATOR' && STEP_RULES[step].stage !== 'RECTIFYING') continue;
        if (got !== expected) mismatches.push(`${step}/${actor}: expected ${String(expected)}, got ${String(got)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('refuseCommand: the rules beyond the table', () => {
  const now = at(STARTED, 60_000);

  describe('attach-evidence', () => {
    const attach = (actor: Actor, payload: { files: { fileId: string; sha256: string }[]; forwarded?: boolean }) => cmd('attach-evidence', payload, actor);

    it('lets the host unit attach only during rectification', () => {
      expect(refuseCommand(stateIn('RECTIFYING'), attach('HOST_UNIT_OPERATOR', { files: [EVIDENCE_REF] }), now)).toBeNull();
      expect(refuseCommand(stateIn('UNDER_REVIEW'), attach('HOST_UNIT_OPERATOR', { files: [EVIDENCE_REF] }), now)).toBeNull();
      expect(refuseCommand(stateIn('FEEDBACK'), attach('HOST_UNIT_OPERATOR', { files: [EVIDENCE_REF] }), now)).toBe('the host unit attaches evidence only during rectification');
    });

    it('needs one to five well-formed references, and only a handler forwards', () => {
      expect(refuseCommand(stateIn('INVESTIGATING'), attach('HANDLER', { files: [] }), now)).toBe('no evidence file was sent');
      expect(refuseCommand(stateIn('INVESTIGATING'), attach('HANDLER', { files: Array(6).fill(EVIDENCE_REF) }), now)).toBe('at most 5 files per upload');
      expect(refuseCommand(stateIn('INVESTIGATING'), attach('HANDLER', { files: [{ fileId: '../x', sha256: 'a'.repeat(64) }] }), now)).toBe('an evidence reference needs a file id and its SHA-256');
      expect(refuseCommand(stateIn('INVESTIGATING'), attach('SUPERVISOR', { files: [EVIDENCE_REF], forwarded: true }), now)).toBe('only a handler forwards a redacted copy to the host unit');
      expect(refuseCommand(stateIn('INVESTIGATING'), attach('HANDLER', { files: [EVIDENCE_REF], forwarded: true }), now)).toBeNull();
    });

    it('records one event carrying the ids and hashes, public only for the complainant, and changes nothing else', () => {
      const state = stateIn('INVESTIGATING');
      const before = JSON.stringify(state);
      const decision = applyCommand(state, attach('HANDLER', { files: [EVIDENCE_REF] }));
      expect(decision).toEqual({ events: [{ type: 'EVIDENCE_ATTACHED', note: '1 file(s)', isPublic: false, actor: ACTORS.HANDLER, attachments: [EVIDENCE_REF] }], effects: [] });
      expect(JSON.stringify(state)).toBe(before);
      expect(applyCommand(stateIn('REVISIT'), attach('COMPLAINANT', { files: [EVIDENCE_REF] })).events[0].isPublic).toBe(true);
      expect(applyCommand(stateIn('INVESTIGATING'), attach('HANDLER', { files: [EVIDENCE_REF], forwarded: true })).events[0].type).toBe('EVIDENCE_FORWARDED');
    });
  });

  describe('dispatch', () => {
    it('never lets the implicated host unit investigate a complaint against itself', () => {
      const c = cmd('dispatch', { investigatingOrgId: HOST_UNIT, hostUnitId: HOST_UNIT }, 'HANDLER');
      expect(refuseCommand(stateIn('ACCEPTED'), c, now)).toBe('the implicated host unit cannot investigate a complaint against itself');
    });

    it('allows another office to investigate', () => {
      expect(refuseCommand(stateIn('ACCEPTED'), command('dispatch'), now)).toBeNull();
    });
  });

  describe('request-extension', () => {
    const request = (actor: Actor, days = 3) => cmd('request-extension', { days, reason: 'more time' }, actor);

    it.each([
      ['SUBMITTED', 'HANDLER'],
      ['INVESTIGATING', 'HANDLER'],
      ['NOTICE_SENT', 'HOST_UNIT_OPERATOR'],
      ['RECTIFYING', 'HOST_UNIT_OPERATOR'],
      ['UNDER_REVIEW', 'SUPERVISOR'],
      ['FEEDBACK', 'HANDLER'],
      ['SUPERVISOR_REVIEW', 'SUPERVISOR'],
    ] as [CaseStep, Actor][])('in %s only the %s in charge may ask', (step, assignee) => {
      expect(refuseCommand(stateIn(step), request(assignee), now)).toBeNull();
      for (const other of (['HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR'] as Actor[]).filter((a) => a !== assignee)) {
        expect(refuseCommand(stateIn(step), request(other), now)).toBe(`only the ${assignee} in charge of this step may ask for an extension`);
      }
    });

    it('needs a running deadline', () => {
      expect(refuseCommand(stateIn('INVESTIGATING', { deadline: null }), request('HANDLER'), now)).toBe('no deadline is running');
    });

    it('must come before the deadline: a millisecond before is fine, at and after it is refused', () => {
      const state = stateIn('INVESTIGATING');
      expect(refuseCommand(state, request('HANDLER'), at(DEADLINE_AT, -1))).toBeNull();
      expect(refuseCommand(state, request('HANDLER'), at(DEADLINE_AT))).toBe('an extension must be requested before the deadline');
      expect(refuseCommand(state, request('HANDLER'), at(DEADLINE_AT, 86_400_000))).toBe('an extension must be requested before the deadline');
    });

    it('is refused while another request is pending', () => {
      const state = stateIn('INVESTIGATING', { pendingExtension: { days: 2, reason: 'r', requestedBy: ACTORS.HANDLER } });
      expect(refuseCommand(state, request('HANDLER'), now)).toBe('an extension request is already pending');
    });

    it('is used once per step, whether the first was approved or refused', () => {
      expect(refuseCommand(stateIn('INVESTIGATING', { extensionUsed: true }), request('HANDLER'), now)).toBe('this stage already had its one extension request');
    });

    it('is at most maxExtension (15) working days', () => {
      expect(refuseCommand(stateIn('INVESTIGATING'), request('HANDLER', 15), now)).toBeNull();
      expect(refuseCommand(stateIn('INVESTIGATING'), request('HANDLER', 16), now)).toBe('an extension is at most 15 working days');
    });

    it("follows the case's own policy for the maximum", () => {
      const state = stateIn('INVESTIGATING', { policy: { ...POLICY, maxExtension: 5 } });
      expect(refuseCommand(state, request('HANDLER', 6), now)).toBe('an extension is at most 5 working days');
    });
  });

  describe('decide-extension', () => {
    it('needs a pending request', () => {
      expect(refuseCommand(stateIn('INVESTIGATING'), command('decide-extension'), now)).toBe('no extension request is pending');
      const pending = stateIn('INVESTIGATING', { pendingExtension: { days: 2, reason: 'r', requestedBy: ACTORS.HANDLER } });
      expect(refuseCommand(pending, command('decide-extension'), now)).toBeNull();
    });
  });

  describe('supervise', () => {
    it('needs a decision in a supervisor review', () => {
      expect(refuseCommand(stateIn('SUPERVISOR_REVIEW'), cmd('supervise', { note: 'n' }, 'SUPERVISOR'), now)).toBe('a supervisor review needs a decision: CLOSE or REOPEN');
      expect(refuseCommand(stateIn('SUPERVISOR_REVIEW'), cmd('supervise', { note: 'n', decision: 'REOPEN' }, 'SUPERVISOR'), now)).toBeNull();
    });

    it('takes no decision outside a supervisor review', () => {
      expect(refuseCommand(stateIn('INVESTIGATING'), cmd('supervise', { note: 'n', decision: 'CLOSE' }, 'SUPERVISOR'), now)).toBe('a decision is only taken in a supervisor review');
    });

    it('sets the rectification time only during rectification', () => {
      for (const step of ['NOTICE_SENT', 'RECTIFYING'] as CaseStep[]) {
        expect(refuseCommand(stateIn(step), cmd('supervise', { note: 'n', rectificationDays: 20 }, 'SUPERVISOR'), now)).toBeNull();
      }
      for (const step of ['SUBMITTED', 'INVESTIGATING', 'UNDER_REVIEW', 'FEEDBACK'] as CaseStep[]) {
        expect(refuseCommand(stateIn(step), cmd('supervise', { note: 'n', rectificationDays: 20 }, 'SUPERVISOR'), now)).toBe(
          'the rectification time can only be set during rectification',
        );
      }
    });

    it('sets at most maxRectification (30) working days', () => {
      expect(refuseCommand(stateIn('RECTIFYING'), cmd('supervise', { note: 'n', rectificationDays: 30 }, 'SUPERVISOR'), now)).toBeNull();
      expect(refuseCommand(stateIn('RECTIFYING'), cmd('supervise', { note: 'n', rectificationDays: 31 }, 'SUPERVISOR'), now)).toBe('rectification is at most 30 working days');
    });
  });
});

describe('applyCommand: each transition', () => {
  it('accept: SUBMITTED -> ACCEPTED, the dispatch deadline starts', () => {
    const state = stateIn('SUBMITTED', { escalation: { warned: true, reminded: false, supervised: false, referred: false }, extensionUsed: true });
    const d = applyCommand(state, command('accept'));
    expect(state).toMatchObject({ step: 'ACCEPTED', status: 'OPEN', outcome: null, deadline: null, escalation: NO_ESCALATION, extensionUsed: false });
    expect(d.events).toEqual([{ type: 'ACCEPTED', note: 'within scope', isPublic: true, actor: ACTORS.HANDLER }]);
    expect(d.effects).toEqual([startDeadline('DISPATCH', 1)]);
  });

  it('reject: closes as REJECTED with the reason', () => {
    const state = stateIn('SUBMITTED');
    const d = applyCommand(state, command('reject'));
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'REJECTED', deadline: null });
    expect(d.events).toEqual([
      { type: 'REJECTED', note: 'NO_FACTS: no facts given', isPublic: true, actor: ACTORS.HANDLER },
      { type: 'CLOSED', note: 'REJECTED', isPublic: true, actor: null },
    ]);
    expect(d.effects).toEqual([{ type: 'clearDeadline' }]);
  });

  it('merge: closes as MERGED and tells the target case', () => {
    const state = stateIn('SUBMITTED');
    const d = applyCommand(state, command('merge'));
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'MERGED', mergedInto: 'case-0' });
    expect(d.events).toEqual([
      { type: 'MERGED', note: 'merged into FT20260301-0009: same group', isPublic: true, actor: ACTORS.HANDLER },
      { type: 'CLOSED', note: 'MERGED', isPublic: true, actor: null },
    ]);
    expect(d.effects).toEqual([{ type: 'clearDeadline' }, { type: 'announceMerge', targetCaseId: 'case-0' }]);
  });

  it('merge without a note names only the target', () => {
    const d = applyCommand(stateIn('SUBMITTED'), cmd('merge', { targetCaseId: 'case-0', targetCaseNo: 'FT0' }, 'HANDLER'));
    expect(d.events[0].note).toBe('merged into FT0');
  });

  it('dispatch: names the investigating office and the host unit, starts the investigation, tells the office', () => {
    const state = stateIn('ACCEPTED', { investigatingOrgId: null, hostUnitId: null });
    const d = applyCommand(state, cmd('dispatch', { investigatingOrgId: 21, hostUnitId: 31, note: 'to the district' }, 'HANDLER'));
    expect(state).toMatchObject({ step: 'INVESTIGATING', investigatingOrgId: 21, hostUnitId: 31 });
    expect(d.events).toEqual([{ type: 'DISPATCHED', note: 'to the district', isPublic: true, actor: ACTORS.HANDLER }]);
    expect(d.effects).toEqual([
      startDeadline('INVESTIGATION', 5),
      { type: 'notify', notice: 'CASE_DISPATCHED', to: [{ orgId: 21, role: 'HANDLER', level: 'SELF' }], message: `case ${state.caseNo} dispatched for investigation` },
    ]);
  });

  it('finding, substantiated and GENERAL: a rectification notice to the host unit, no referral', () => {
    const state = stateIn('INVESTIGATING');
    const d = applyCommand(state, command('finding'));
    expect(state).toMatchObject({ step: 'NOTICE_SENT', findingResult: 'SUBSTANTIATED', severity: 'GENERAL', findingSummary: 'daily check-ins demanded', referralCount: 0 });
    expect(d.events).toEqual([
      { type: 'FINDING_RECORDED', note: 'SUBSTANTIATED (GENERAL): daily check-ins demanded', isPublic: true, actor: ACTORS.HANDLER },
      { type: 'RECTIFICATION_NOTICE_SENT', note: null, isPublic: true, actor: null },
    ]);
    expect(d.effects).toEqual([
      startDeadline('SIGN', 1),
      { type: 'notify', notice: 'RECTIFICATION_NOTICE', to: [{ orgId: HOST_UNIT, role: null, level: 'SELF' }], message: `rectification notice for case ${state.caseNo}` },
    ]);
  });

  it.each([
    ['SERIOUS', 'SUBSTANTIATED', 'SERIOUS_FINDING'],
    ['DISCIPLINARY', 'PARTLY_SUBSTANTIATED', 'DISCIPLINARY_FINDING'],
  ] as const)('finding %s (%s) is referred to the discipline body at once as %s', (severity, result, reason) => {
    const state = stateIn('INVESTIGATING', { referralCount: 1 });
    const d = applyCommand(state, cmd('finding', { result, severity, summary: 's' }, 'HANDLER'));
    expect(state).toMatchObject({ step: 'NOTICE_SENT', severity, referralCount: 2 });
    expect(types(d)).toEqual(['FINDING_RECORDED', 'RECTIFICATION_NOTICE_SENT', 'REFERRED_TO_DISCIPLINE']);
    expect(d.events[2]).toEqual({ type: 'REFERRED_TO_DISCIPLINE', note: reason, isPublic: false, actor: null });
    expect(d.effects.map((e) => e.type)).toEqual(['startDeadline', 'notify', 'refer']);
    expect(d.effects[2]).toEqual({ type: 'refer', reason, sequence: 2 });
  });

  it('finding, unsubstantiated: straight to FEEDBACK, no notice and no referral even when marked serious', () => {
    const state = stateIn('INVESTIGATING');
    const d = applyCommand(state, cmd('finding', { result: 'UNSUBSTANTIATED', severity: 'SERIOUS', summary: 'no such demand' }, 'HANDLER'));
    expect(state).toMatchObject({ step: 'FEEDBACK', findingResult: 'UNSUBSTANTIATED', referralCount: 0 });
    expect(types(d)).toEqual(['FINDING_RECORDED']);
    expect(d.effects).toEqual([startDeadline('FEEDBACK', 2)]);
  });

  it('sign: NOTICE_SENT -> RECTIFYING with the default rectification time', () => {
    const state = stateIn('NOTICE_SENT');
    const d = applyCommand(state, command('sign'));
    expect(state.step).toBe('RECTIFYING');
    // The host unit's note is for the office: the complainant's timeline does not show it.
    expect(d.events).toEqual([{ type: 'NOTICE_SIGNED', note: 'received', isPublic: false, actor: ACTORS.HOST_UNIT_OPERATOR }]);
    expect(d.effects).toEqual([startDeadline('RECTIFICATION', 15)]);
  });

  it('return-rectification: the new rectification period is the full one again, the supervisor-set time if any, from the return', () => {
    // README "Deadlines and escalation": the period restarts in full; the workflow counts it from the return.
    expect(applyCommand(stateIn('UNDER_REVIEW'), command('return-rectification')).effects[0]).toEqual(startDeadline('RECTIFICATION', 15));
    expect(applyCommand(stateIn('UNDER_REVIEW', { rectificationDays: 25 }), command('return-rectification')).effects[0]).toEqual(startDeadline('RECTIFICATION', 25));
  });

  it('sign: a rectification time the supervisor set is used instead', () => {
    const d = applyCommand(stateIn('NOTICE_SENT', { rectificationDays: 25 }), command('sign'));
    expect(d.effects).toEqual([startDeadline('RECTIFICATION', 25)]);
  });

  it('submit-rectification: to the supervisor for review; the plan stays internal', () => {
    const state = stateIn('RECTIFYING');
    const d = applyCommand(state, command('submit-rectification'));
    expect(state.step).toBe('UNDER_REVIEW');
    expect(d.events).toEqual([
      { type: 'RECTIFICATION_SUBMITTED', note: 'plan: stop the check-ins; evidence: notice.pdf, group-rules.png', isPublic: false, actor: ACTORS.HOST_UNIT_OPERATOR },
    ]);
    expect(d.effects).toEqual([
      startDeadline('REVIEW', 3),
      { type: 'notify', notice: 'RECTIFICATION_TO_REVIEW', to: [{ orgId: HANDLING_ORG, role: 'SUPERVISOR', level: 'SELF' }], message: `rectification of case ${state.caseNo} awaits review` },
    ]);
  });

  it('approve-rectification: UNDER_REVIEW -> FEEDBACK', () => {
    const state = stateIn('UNDER_REVIEW');
    const d = applyCommand(state, command('approve-rectification'));
    expect(state.step).toBe('FEEDBACK');
    expect(d.events).toEqual([{ type: 'RECTIFICATION_APPROVED', note: 'done', isPublic: true, actor: ACTORS.SUPERVISOR }]);
    expect(d.effects).toEqual([startDeadline('FEEDBACK', 2)]);
  });

  it('return-rectification: back to RECTIFYING with a fresh rectification deadline, the host unit is told why', () => {
    const state = stateIn('UNDER_REVIEW');
    const d = applyCommand(state, command('return-rectification'));
    expect(state.step).toBe('RECTIFYING');
    expect(d.events).toEqual([{ type: 'RECTIFICATION_RETURNED', note: 'no evidence of the group rule change', isPublic: true, actor: ACTORS.SUPERVISOR }]);
    expect(d.effects).toEqual([
      startDeadline('RECTIFICATION', 15),
      {
        type: 'notify',
        notice: 'RECTIFICATION_RETURNED',
        to: [{ orgId: HOST_UNIT, role: null, level: 'SELF' }],
        message: `rectification of case ${state.caseNo} returned: no evidence of the group rule change`,
      },
    ]);
  });

  it('reply: with a public follow-up the revisit window opens', () => {
    const state = stateIn('FEEDBACK', { revisitEndsAt: null });
    const d = applyCommand(state, command('reply'));
    expect(state).toMatchObject({ step: 'REVISIT', status: 'OPEN', reply: 'The check-ins were stopped.' });
    expect(d.events).toEqual([{ type: 'REPLIED', note: 'The check-ins were stopped.', isPublic: true, actor: ACTORS.HANDLER }]);
    expect(d.effects).toEqual([{ type: 'clearDeadline' }, { type: 'openRevisitWindow' }]);
  });

  it('reply: without an access code there is no revisit and the case closes RESOLVED', () => {
    const state = stateIn('FEEDBACK', { publicFollowUp: false, anonymous: true });
    const d = applyCommand(state, command('reply'));
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'RESOLVED', revisitEndsAt: null });
    expect(types(d)).toEqual(['REPLIED', 'CLOSED']);
    expect(d.effects).toEqual([{ type: 'clearDeadline' }]);
  });

  it.each(['SATISFIED', 'BASICALLY_SATISFIED'] as const)('evaluate %s: closes RESOLVED', (satisfaction) => {
    const state = stateIn('REVISIT');
    const d = applyCommand(state, cmd('evaluate', { satisfaction }, 'COMPLAINANT'));
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'RESOLVED', satisfaction });
    expect(d.events).toEqual([
      { type: 'EVALUATED', note: satisfaction, isPublic: true, actor: ACTORS.COMPLAINANT },
      { type: 'CLOSED', note: 'RESOLVED', isPublic: true, actor: null },
    ]);
  });

  it('evaluate UNSATISFIED: reopens to the investigation, twice', () => {
    const state = stateIn('REVISIT');
    let d = applyCommand(state, cmd('evaluate', { satisfaction: 'UNSATISFIED', comment: 'still happening' }, 'COMPLAINANT'));
    expect(state).toMatchObject({ step: 'INVESTIGATING', status: 'OPEN', reopenCount: 1, satisfaction: 'UNSATISFIED' });
    expect(d.events).toEqual([
      { type: 'EVALUATED', note: 'UNSATISFIED: still happening', isPublic: true, actor: ACTORS.COMPLAINANT },
      { type: 'REOPENED', note: 'reopen 1 of 2', isPublic: true, actor: null },
    ]);
    expect(d.effects).toEqual([startDeadline('INVESTIGATION', 5)]);

    state.step = 'REVISIT';
    d = applyCommand(state, cmd('evaluate', { satisfaction: 'UNSATISFIED' }, 'COMPLAINANT'));
    expect(state).toMatchObject({ step: 'INVESTIGATING', reopenCount: 2 });
    expect(d.events[1].note).toBe('reopen 2 of 2');
  });

  it('evaluate UNSATISFIED a third time: a supervisor review instead of a reopen', () => {
    const state = stateIn('REVISIT', { reopenCount: 2 });
    const d = applyCommand(state, cmd('evaluate', { satisfaction: 'UNSATISFIED' }, 'COMPLAINANT'));
    expect(state).toMatchObject({ step: 'SUPERVISOR_REVIEW', status: 'OPEN', reopenCount: 2 });
    expect(types(d)).toEqual(['EVALUATED']);
    expect(d.effects).toEqual([
      startDeadline('REVIEW', 3),
      { type: 'notify', notice: 'SUPERVISOR_REVIEW', to: [{ orgId: HANDLING_ORG, role: 'SUPERVISOR', level: 'SELF' }], message: `case ${state.caseNo} unsatisfied a third time: supervisor review` },
    ]);
  });

  it('request-extension: recorded as pending, the supervisor is asked; the deadline does not move yet', () => {
    const state = stateIn('INVESTIGATING');
    const before = state.deadline;
    const d = applyCommand(state, command('request-extension'));
    expect(state).toMatchObject({ step: 'INVESTIGATING', pendingExtension: { days: 3, reason: 'the host unit is reorganised', requestedBy: ACTORS.HANDLER }, extensionUsed: false });
    expect(state.deadline).toBe(before);
    expect(d.events).toEqual([{ type: 'EXTENSION_REQUESTED', note: '3 more: the host unit is reorganised', isPublic: false, actor: ACTORS.HANDLER }]);
    expect(d.effects).toEqual([
      { type: 'notify', notice: 'EXTENSION_REQUESTED', to: [{ orgId: HANDLING_ORG, role: 'SUPERVISOR', level: 'SELF' }], message: `case ${state.caseNo}: extension of 3 requested` },
    ]);
  });

  it('decide-extension, approved: the deadline grows by the days asked, the complainant sees it', () => {
    const state = stateIn('INVESTIGATING', { pendingExtension: { days: 4, reason: 'r', requestedBy: ACTORS.HANDLER } });
    const d = applyCommand(state, command('decide-extension'));
    expect(state).toMatchObject({ pendingExtension: null, extensionUsed: true, step: 'INVESTIGATING' });
    expect(d.events).toEqual([{ type: 'EXTENSION_APPROVED', note: '4 more: fine', isPublic: true, actor: ACTORS.SUPERVISOR }]);
    expect(d.effects).toEqual([{ type: 'resizeDeadline', amount: 3 + 4 }]);
  });

  it('decide-extension, refused: used up all the same, the complainant sees it, nothing moves', () => {
    const state = stateIn('INVESTIGATING', { pendingExtension: { days: 4, reason: 'r', requestedBy: ACTORS.HANDLER } });
    const d = applyCommand(state, cmd('decide-extension', { approve: false, note: 'no reason to wait' }, 'SUPERVISOR'));
    expect(state).toMatchObject({ pendingExtension: null, extensionUsed: true });
    expect(d.events).toEqual([{ type: 'EXTENSION_REFUSED', note: 'no reason to wait', isPublic: true, actor: ACTORS.SUPERVISOR }]);
    expect(d.effects).toEqual([]);
  });

  it("supervise: a supervision order to the assignee's organization", () => {
    const state = stateIn('INVESTIGATING');
    const d = applyCommand(state, command('supervise'));
    expect(state).toMatchObject({ step: 'INVESTIGATING', supervised: true });
    expect(d.events).toEqual([{ type: 'SUPERVISION_ORDERED', note: 'hurry up', isPublic: false, actor: ACTORS.SUPERVISOR }]);
    expect(d.effects).toEqual([
      { type: 'notify', notice: 'SUPERVISION_ORDER', to: [{ orgId: INVESTIGATING_ORG, role: null, level: 'SELF' }], message: `supervision order on case ${state.caseNo}: hurry up` },
    ]);
  });

  it('supervise in REVISIT (nobody in an organization to wait on): the order goes to the handling office', () => {
    const state = stateIn('REVISIT');
    const d = applyCommand(state, command('supervise'));
    expect(state).toMatchObject({ step: 'REVISIT', supervised: true });
    expect(d.effects).toEqual([
      { type: 'notify', notice: 'SUPERVISION_ORDER', to: [{ orgId: HANDLING_ORG, role: null, level: 'SELF' }], message: `supervision order on case ${state.caseNo}: hurry up` },
    ]);
  });

  it('never emits a notice to a recipient without an organization, whatever the step and the missing organization', () => {
    const OPEN_STEPS = CASE_STEPS.filter((s) => s !== 'CLOSED');
    const gaps: Partial<CaseState>[] = [{}, { hostUnitId: null }, { investigatingOrgId: null }, { handlingOrgId: null }, { hostUnitId: null, investigatingOrgId: null, handlingOrgId: null }];
    for (const step of OPEN_STEPS) {
      for (const gap of gaps) {
        const supervise = step === 'SUPERVISOR_REVIEW' ? cmd('supervise', { note: 'n', decision: 'REOPEN' }, 'SUPERVISOR') : command('supervise');
        const decisions = [applyCommand(stateIn(step, gap), supervise), escalate(stateIn(step, gap), at(REFERRAL_AT, 1))];
        for (const d of decisions) {
          for (const effect of d.effects) {
            if (effect.type !== 'notify') continue;
            expect({ step, gap, to: effect.to.filter((r) => r.orgId === null || r.orgId === undefined) }).toEqual({ step, gap, to: [] });
          }
        }
      }
    }
  });

  it('supervise with a rectification time during RECTIFYING resizes the running deadline', () => {
    const state = stateIn('RECTIFYING');
    const d = applyCommand(state, cmd('supervise', { note: 'take longer', rectificationDays: 30 }, 'SUPERVISOR'));
    expect(state.rectificationDays).toBe(30);
    expect(d.effects).toEqual([expect.objectContaining({ type: 'notify', to: [{ orgId: HOST_UNIT, role: null, level: 'SELF' }] }), { type: 'resizeDeadline', amount: 30 }]);
  });

  it('supervise with a rectification time before signing keeps it for the rectification deadline', () => {
    const state = stateIn('NOTICE_SENT');
    const d = applyCommand(state, cmd('supervise', { note: 'n', rectificationDays: 20 }, 'SUPERVISOR'));
    expect(d.effects.map((e) => e.type)).toEqual(['notify']);
    expect(applyCommand(state, command('sign')).effects).toEqual([startDeadline('RECTIFICATION', 20)]);
  });

  it('supervise CLOSE in a supervisor review: closed by the supervisor', () => {
    const state = stateIn('SUPERVISOR_REVIEW', { reopenCount: 2 });
    const d = applyCommand(state, cmd('supervise', { note: 'nothing more to do', decision: 'CLOSE' }, 'SUPERVISOR'));
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'CLOSED_BY_SUPERVISOR' });
    expect(d.events).toEqual([
      { type: 'SUPERVISOR_CLOSED', note: 'nothing more to do', isPublic: true, actor: ACTORS.SUPERVISOR },
      { type: 'CLOSED', note: 'CLOSED_BY_SUPERVISOR', isPublic: true, actor: null },
    ]);
  });

  it('supervise REOPEN in a supervisor review: back to the investigation', () => {
    const state = stateIn('SUPERVISOR_REVIEW', { reopenCount: 2 });
    const d = applyCommand(state, cmd('supervise', { note: 'investigate again', decision: 'REOPEN' }, 'SUPERVISOR'));
    expect(state).toMatchObject({ step: 'INVESTIGATING', status: 'OPEN', reopenCount: 3 });
    expect(d.events).toEqual([{ type: 'REOPENED', note: 'investigate again', isPublic: true, actor: ACTORS.SUPERVISOR }]);
    expect(d.effects).toEqual([startDeadline('INVESTIGATION', 5)]);
  });

  it('a step change drops a pending extension and the escalation progress of the old step', () => {
    const state = stateIn('INVESTIGATING', {
      pendingExtension: { days: 2, reason: 'r', requestedBy: ACTORS.HANDLER },
      extensionUsed: true,
      escalation: { warned: true, reminded: true, supervised: true, referred: true },
      breaches: 1,
    });
    applyCommand(state, command('finding'));
    expect(state).toMatchObject({ pendingExtension: null, extensionUsed: false, escalation: NO_ESCALATION, breaches: 1 });
  });

  it('without a policy no deadline can start: the effect clears it', () => {
    const d = applyCommand(stateIn('SUBMITTED', { policy: null }), command('accept'));
    expect(d.effects).toEqual([{ type: 'clearDeadline' }]);
  });
});

describe('admit', () => {
  it('a complaint waits for acceptance under the acceptance deadline', () => {
    const state = { ...initialCaseState(input()), policy: POLICY, handlingOrgId: HANDLING_ORG };
    const d = admit(state);
    expect(state).toMatchObject({ step: 'SUBMITTED', status: 'OPEN', source: 'COMPLAINT', publicFollowUp: true });
    expect(d).toEqual({ events: [], effects: [startDeadline('ACCEPTANCE', 2)] });
  });

  it('a GENERAL spot-check finding is accepted on creation and waits for dispatch', () => {
    const state = { ...initialCaseState(input({ source: 'SPOT_CHECK', severity: 'GENERAL', accessCodeHash: null, hostUnitId: HOST_UNIT })), policy: POLICY };
    const d = admit(state);
    expect(state).toMatchObject({ step: 'ACCEPTED', hostUnitId: HOST_UNIT, publicFollowUp: false, referralCount: 0 });
    expect(d.events).toEqual([{ type: 'ACCEPTED', note: 'spot-check finding, accepted on creation', isPublic: true, actor: null }]);
    expect(d.effects).toEqual([startDeadline('DISPATCH', 1)]);
  });

  it.each([
    ['SERIOUS', 'SERIOUS_FINDING'],
    ['DISCIPLINARY', 'DISCIPLINARY_FINDING'],
  ] as const)('a %s spot-check finding is referred at once (%s)', (severity, reason) => {
    const state = { ...initialCaseState(input({ source: 'SPOT_CHECK', severity, accessCodeHash: null })), policy: POLICY };
    const d = admit(state);
    expect(state).toMatchObject({ step: 'ACCEPTED', referralCount: 1 });
    expect(types(d)).toEqual(['ACCEPTED', 'REFERRED_TO_DISCIPLINE']);
    expect(d.effects).toEqual([startDeadline('DISPATCH', 1), { type: 'refer', reason, sequence: 1 }]);
  });
});

describe('assigneeOrg', () => {
  it.each([
    ['SUBMITTED', HANDLING_ORG],
    ['ACCEPTED', HANDLING_ORG],
    ['INVESTIGATING', INVESTIGATING_ORG],
    ['NOTICE_SENT', HOST_UNIT],
    ['RECTIFYING', HOST_UNIT],
    ['UNDER_REVIEW', HANDLING_ORG],
    ['FEEDBACK', HANDLING_ORG],
    ['SUPERVISOR_REVIEW', HANDLING_ORG],
    ['REVISIT', null],
    ['CLOSED', null],
  ] as [CaseStep, number | null][])('%s -> %p', (step, org) => {
    expect(assigneeOrg(stateIn(step))).toBe(org);
  });

  it('the investigation falls back to the handling office when no other office was named', () => {
    expect(assigneeOrg(stateIn('INVESTIGATING', { investigatingOrgId: null }))).toBe(HANDLING_ORG);
  });
});

describe('escalate (PRODUCT.md, "Deadlines and escalation")', () => {
  it('does nothing before two thirds of the time', () => {
    const state = stateIn('INVESTIGATING');
    expect(escalate(state, at(WARN_AT, -1))).toEqual({ events: [], effects: [] });
    expect(state.escalation).toEqual(NO_ESCALATION);
  });

  it('warns the assignee at two thirds of the time', () => {
    const state = stateIn('INVESTIGATING');
    const d = escalate(state, at(WARN_AT));
    expect(state.escalation).toEqual({ ...NO_ESCALATION, warned: true });
    expect(d.events).toEqual([{ type: 'DEADLINE_WARNING', note: `INVESTIGATION due ${DEADLINE_AT}`, isPublic: false, actor: null }]);
    expect(d.effects).toEqual([
      { type: 'notify', notice: 'DEADLINE_WARNING', to: [{ orgId: INVESTIGATING_ORG, role: 'HANDLER', level: 'SELF' }], message: `case ${state.caseNo}: INVESTIGATION due ${DEADLINE_AT}` },
    ]);
    // Fired once.
    expect(escalate(state, at(WARN_AT, 1000))).toEqual({ events: [], effects: [] });
  });

  it('reminds the assignee and its unit at the deadline, and counts a breach', () => {
    const state = stateIn('RECTIFYING', { escalation: { ...NO_ESCALATION, warned: true } });
    expect(escalate(state, at(DEADLINE_AT, -1)).events).toEqual([]);
    const d = escalate(state, at(DEADLINE_AT));
    expect(state).toMatchObject({ breaches: 1, escalation: { ...NO_ESCALATION, warned: true, reminded: true }, referralCount: 0 });
    expect(d.events).toEqual([{ type: 'DEADLINE_MISSED', note: `RECTIFICATION was due ${DEADLINE_AT}`, isPublic: false, actor: null }]);
    expect(d.effects).toEqual([
      { type: 'notify', notice: 'DEADLINE_REMINDER', to: [{ orgId: HOST_UNIT, role: null, level: 'SELF' }], message: `case ${state.caseNo}: RECTIFICATION is overdue` },
    ]);
  });

  it('orders supervision from the supervising level 2 working days past the deadline', () => {
    const state = stateIn('ACCEPTED', { escalation: { ...NO_ESCALATION, warned: true, reminded: true }, breaches: 1 });
    expect(escalate(state, at(SUPERVISION_AT, -1)).events).toEqual([]);
    const d = escalate(state, at(SUPERVISION_AT));
    expect(state).toMatchObject({ supervised: true, escalation: { warned: true, reminded: true, supervised: true, referred: false }, breaches: 1 });
    expect(d.events).toEqual([{ type: 'SUPERVISION_ORDERED', note: `automatic: DISPATCH overdue; complete by ${REFERRAL_AT}`, isPublic: false, actor: null }]);
    expect(d.effects).toEqual([
      { type: 'superviseDeadline' },
      {
        type: 'notify',
        notice: 'SUPERVISION_ORDER',
        to: [
          { orgId: HANDLING_ORG, role: null, level: 'SELF' },
          { orgId: HANDLING_ORG, role: 'SUPERVISOR', level: 'SUPERVISING' },
        ],
        message: `supervision order on case ${state.caseNo}: complete by ${REFERRAL_AT}`,
      },
    ]);
  });

  it('refers to the discipline body 5 working days past the deadline, once', () => {
    const state = stateIn('UNDER_REVIEW', { escalation: { warned: true, reminded: true, supervised: true, referred: false }, breaches: 1, supervised: true });
    expect(escalate(state, at(REFERRAL_AT, -1)).events).toEqual([]);
    const d = escalate(state, at(REFERRAL_AT));
    expect(state).toMatchObject({ referralCount: 1, escalation: { warned: true, reminded: true, supervised: true, referred: true } });
    expect(d.events).toEqual([{ type: 'REFERRED_TO_DISCIPLINE', note: 'OVERDUE', isPublic: false, actor: null }]);
    expect(d.effects).toEqual([{ type: 'refer', reason: 'OVERDUE', sequence: 1 }]);
    expect(escalate(state, at(REFERRAL_AT, 86_400_000))).toEqual({ events: [], effects: [] });
  });

  it('fires everything that is due at once, in order, when the workflow wakes late', () => {
    const state = stateIn('FEEDBACK');
    const d = escalate(state, at(REFERRAL_AT, 1));
    expect(types(d)).toEqual(['DEADLINE_WARNING', 'DEADLINE_MISSED', 'SUPERVISION_ORDERED', 'REFERRED_TO_DISCIPLINE']);
    expect(d.effects.map((e) => (e.type === 'notify' ? e.notice : e.type))).toEqual(['DEADLINE_WARNING', 'DEADLINE_REMINDER', 'superviseDeadline', 'SUPERVISION_ORDER', 'refer']);
    expect(state).toMatchObject({ breaches: 1, referralCount: 1 });
  });

  it('refers a second breach in the same case at its deadline, and not again 5 days later', () => {
    const state = stateIn('FEEDBACK', { breaches: 1, referralCount: 1, escalation: { ...NO_ESCALATION, warned: true } });
    const d = escalate(state, at(DEADLINE_AT));
    expect(types(d)).toEqual(['DEADLINE_MISSED', 'REFERRED_TO_DISCIPLINE']);
    expect(d.events[1].note).toBe('SECOND_BREACH');
    expect(d.effects.at(-1)).toEqual({ type: 'refer', reason: 'SECOND_BREACH', sequence: 2 });
    expect(state).toMatchObject({ breaches: 2, referralCount: 2 });
    escalate(state, at(SUPERVISION_AT));
    const later = escalate(state, at(REFERRAL_AT));
    expect(later.effects.filter((e) => e.type === 'refer')).toEqual([]);
    expect(state.referralCount).toBe(2);
  });

  it('sends warnings and reminders of the supervisor review to the handling office', () => {
    const d = escalate(stateIn('SUPERVISOR_REVIEW'), at(WARN_AT));
    expect(d.effects).toEqual([expect.objectContaining({ to: [{ orgId: HANDLING_ORG, role: 'SUPERVISOR', level: 'SELF' }] })]);
  });

  it('does nothing when no deadline runs or the case is closed', () => {
    expect(escalate(stateIn('INVESTIGATING', { deadline: null }), at(REFERRAL_AT, 1))).toEqual({ events: [], effects: [] });
    const closed = stateIn('CLOSED', { deadline: runningDeadline('FEEDBACK'), revisitEndsAt: DEADLINE_AT });
    expect(escalate(closed, at(REFERRAL_AT, 1))).toEqual({ events: [], effects: [] });
    expect(closed.escalation).toEqual(NO_ESCALATION);
  });

  it('closes an unanswered revisit as NOT_EVALUATED when the window ends', () => {
    const state = stateIn('REVISIT', { revisitEndsAt: DEADLINE_AT });
    expect(escalate(state, at(DEADLINE_AT, -1))).toEqual({ events: [], effects: [] });
    expect(state.status).toBe('OPEN');
    const d = escalate(state, at(DEADLINE_AT));
    expect(state).toMatchObject({ step: 'CLOSED', status: 'CLOSED', outcome: 'NOT_EVALUATED' });
    expect(d.events).toEqual([
      { type: 'REVISIT_EXPIRED', note: 'no evaluation within the revisit window', isPublic: true, actor: null },
      { type: 'CLOSED', note: 'NOT_EVALUATED', isPublic: true, actor: null },
    ]);
    expect(d.effects).toEqual([{ type: 'clearDeadline' }]);
  });
});

describe('nextWakeAt', () => {
  it('walks through the escalation instants of the running deadline', () => {
    const state = stateIn('INVESTIGATING');
    expect(nextWakeAt(state)).toBe(ms(WARN_AT));
    state.escalation.warned = true;
    expect(nextWakeAt(state)).toBe(ms(DEADLINE_AT));
    state.escalation.reminded = true;
    expect(nextWakeAt(state)).toBe(ms(SUPERVISION_AT));
    state.escalation.supervised = true;
    expect(nextWakeAt(state)).toBe(ms(REFERRAL_AT));
    state.escalation.referred = true;
    expect(nextWakeAt(state)).toBeNull();
  });

  it('after a second-breach referral only the supervision order is left to wait for', () => {
    const state = stateIn('INVESTIGATING', { escalation: { warned: true, reminded: true, supervised: false, referred: true } });
    expect(nextWakeAt(state)).toBe(ms(SUPERVISION_AT));
  });

  it('follows escalate: after every firing, the next instant', () => {
    const state = stateIn('RECTIFYING');
    const seen: number[] = [];
    for (let wake = nextWakeAt(state); wake !== null; wake = nextWakeAt(state)) {
      seen.push(wake);
      escalate(state, new Date(wake));
    }
    expect(seen).toEqual([WARN_AT, DEADLINE_AT, SUPERVISION_AT, REFERRAL_AT].map(ms));
  });

  it('waits for the end of the revisit window in REVISIT', () => {
    expect(nextWakeAt(stateIn('REVISIT', { revisitEndsAt: SUPERVISION_AT }))).toBe(ms(SUPERVISION_AT));
    expect(nextWakeAt(stateIn('REVISIT', { revisitEndsAt: null }))).toBeNull();
  });

  it('has nothing to wait for without a deadline or once closed', () => {
    expect(nextWakeAt(stateIn('INVESTIGATING', { deadline: null }))).toBeNull();
    expect(nextWakeAt(stateIn('CLOSED', { deadline: runningDeadline('FEEDBACK') }))).toBeNull();
  });
});

describe('initialCaseState', () => {
  it('starts SUBMITTED and OPEN with nothing decided', () => {
    const state = initialCaseState(input({ hostUnitId: 7 }));
    expect(state).toMatchObject({ step: 'SUBMITTED', status: 'OPEN', outcome: null, hostUnitId: 7, policy: null, deadline: null, reopenCount: 0, breaches: 0, seq: 0, revision: 0 });
  });

  it('gives a revisit only to a case with an access code, anonymous or not', () => {
    expect(initialCaseState(input({ anonymous: true, accessCodeHash: 'h' })).publicFollowUp).toBe(true);
    expect(initialCaseState(input({ anonymous: true, accessCodeHash: null })).publicFollowUp).toBe(false);
  });
});

describe('extensions: one per stage and per reopen cycle', () => {
  const request = (actor: Actor = 'HOST_UNIT_OPERATOR') => cmd('request-extension', { days: 3, reason: 'the vendor needs time' }, actor);
  const decide = (actor: ActorRef = ACTORS.SUPERVISOR) => ({ action: 'decide-extension', actor, payload: { approve: false, note: 'no' } }) as CaseCommand;

  /** Applies the command; the deadline of the step it leads to runs, as the workflow would start it. */
  const apply = (state: CaseState, c: CaseCommand) => {
    applyCommand(state, c);
    state.deadline = runningDeadline(state.step);
  };

  it('return-rectification does not give a fresh extension: the rectification stage had its one', () => {
    const state = stateIn('RECTIFYING');
    apply(state, request());
    apply(state, decide());
    apply(state, command('submit-rectification'));
    apply(state, command('return-rectification'));
    expect(state.step).toBe('RECTIFYING');
    expect(refuseCommand(state, request(), now)).toBe('this stage already had its one extension request');
  });

  it('the steps of one stage share its extension: signing for the notice, rectifying and the review', () => {
    const state = stateIn('NOTICE_SENT');
    apply(state, request());
    apply(state, decide());
    apply(state, command('sign'));
    expect(refuseCommand(state, request(), now)).toBe('this stage already had its one extension request');
  });

  it('the next stage has its own, and a reopen starts a new cycle with one again', () => {
    const state = stateIn('INVESTIGATING');
    applyCommand(state, request('HANDLER'));
    applyCommand(state, decide());
    expect(refuseCommand(state, request('HANDLER'), now)).toBe('this stage already had its one extension request');
    applyCommand(state, cmd('finding', { result: 'UNSUBSTANTIATED', severity: 'GENERAL', summary: 'nothing' }, 'HANDLER'));
    expect(state).toMatchObject({ step: 'FEEDBACK', extensionUsed: false });
    state.deadline = runningDeadline('INVESTIGATING');
    state.step = 'REVISIT';
    state.revisitEndsAt = REFERRAL_AT;
    applyCommand(state, cmd('evaluate', { satisfaction: 'UNSATISFIED' }, 'COMPLAINANT'));
    expect(state).toMatchObject({ step: 'INVESTIGATING', reopenCount: 1, extensionUsed: false });
    state.deadline = runningDeadline('INVESTIGATING');
    expect(refuseCommand(state, request('HANDLER'), now)).toBeNull();
  });

  it('the supervisor who asked for an extension (in a review) cannot decide it; another supervisor can', () => {
    const state = stateIn('UNDER_REVIEW');
    applyCommand(state, request('SUPERVISOR'));
    expect(refuseCommand(state, decide(), now)).toBe('the supervisor who asked for the extension cannot decide it');
    expect(refuseCommand(state, decide({ ...ACTORS.SUPERVISOR, userId: 33 }), now)).toBeNull();
  });

  const now = at(STARTED, 1000);
});

describe('finding referrals: once per severity', () => {
  const finding = (result: 'SUBSTANTIATED' | 'UNSUBSTANTIATED', severity: 'GENERAL' | 'SERIOUS' | 'DISCIPLINARY') =>
    cmd('finding', { result, severity, summary: 'confirmed on inspection' }, 'HANDLER');
  const spotChecked = (severity: 'SERIOUS' | 'DISCIPLINARY') => {
    const state = { ...initialCaseState(input({ source: 'SPOT_CHECK', severity, accessCodeHash: null, hostUnitId: HOST_UNIT })), handlingOrgId: HANDLING_ORG, policy: POLICY };
    admit(state);
    state.step = 'INVESTIGATING';
    state.investigatingOrgId = INVESTIGATING_ORG;
    return state;
  };

  it('a SERIOUS spot-check finding referred on creation is not referred again when the investigation confirms it', () => {
    const state = spotChecked('SERIOUS');
    expect(state.referralCount).toBe(1);
    const d = applyCommand(state, finding('SUBSTANTIATED', 'SERIOUS'));
    expect(d.effects.filter((e) => e.type === 'refer')).toEqual([]);
    expect(types(d)).toEqual(['FINDING_RECORDED', 'RECTIFICATION_NOTICE_SENT']);
    expect(state.referralCount).toBe(1);
  });

  it('a more severe finding is referred: SERIOUS on creation, DISCIPLINARY on investigation', () => {
    const state = spotChecked('SERIOUS');
    const d = applyCommand(state, finding('SUBSTANTIATED', 'DISCIPLINARY'));
    expect(d.effects.filter((e) => e.type === 'refer')).toEqual([{ type: 'refer', reason: 'DISCIPLINARY_FINDING', sequence: 2 }]);
  });

  it('a reopened complaint found SERIOUS again is not referred twice', () => {
    const state = stateIn('INVESTIGATING');
    expect(applyCommand(state, finding('SUBSTANTIATED', 'SERIOUS')).effects.filter((e) => e.type === 'refer')).toHaveLength(1);
    state.step = 'INVESTIGATING';
    expect(applyCommand(state, finding('SUBSTANTIATED', 'SERIOUS')).effects.filter((e) => e.type === 'refer')).toEqual([]);
  });

  it('cases started before the rule keep referring every serious finding', () => {
    const state = spotChecked('SERIOUS');
    state.rules.findingReferredOnce = false;
    expect(applyCommand(state, finding('SUBSTANTIATED', 'SERIOUS')).effects.filter((e) => e.type === 'refer')).toHaveLength(1);
  });

  it('an UNSUBSTANTIATED finding cannot carry a severity that would refer', () => {
    const state = stateIn('INVESTIGATING');
    const now = at(STARTED, 1000);
    expect(refuseCommand(state, finding('UNSUBSTANTIATED', 'SERIOUS'), now)).toBe('an unsubstantiated finding cannot be SERIOUS: only a substantiated one is referred');
    expect(refuseCommand(state, finding('UNSUBSTANTIATED', 'DISCIPLINARY'), now)).toBe('an unsubstantiated finding cannot be DISCIPLINARY: only a substantiated one is referred');
    expect(refuseCommand(state, finding('UNSUBSTANTIATED', 'GENERAL'), now)).toBeNull();
  });
});

describe('the revisit window', () => {
  it('an evaluation after the window is refused, even before the closing timer ran', () => {
    const state = stateIn('REVISIT', { revisitEndsAt: DEADLINE_AT });
    const evaluation = command('evaluate');
    expect(refuseCommand(state, evaluation, at(DEADLINE_AT, -1))).toBeNull();
    expect(refuseCommand(state, evaluation, at(DEADLINE_AT))).toBe(`the revisit window closed at ${DEADLINE_AT}`);
  });
});

describe('supervision orders come with a new deadline (PRODUCT.md, "Deadlines and escalation")', () => {
  const missed = () => stateIn('INVESTIGATING', { escalation: { warned: true, reminded: true, supervised: false, referred: false }, breaches: 1 });

  it('the automatic order 2 working days late: the new deadline is the referral instant, the case is no longer overdue', () => {
    const state = missed();
    const d = escalate(state, at(SUPERVISION_AT));
    expect(d.effects[0]).toEqual({ type: 'superviseDeadline' });
    superviseDeadline(state, SUPERVISION_AT);
    expect(state.deadline).toEqual({
      ...runningDeadline('INVESTIGATING'),
      warnAt: SUPERVISION_AT,
      deadlineAt: REFERRAL_AT,
      supervision: { orderedAt: SUPERVISION_AT, missedDeadlineAt: DEADLINE_AT },
    });
    expect(state.escalation).toEqual({ warned: true, reminded: false, supervised: true, referred: false });
    expect(nextWakeAt(state)).toBe(ms(REFERRAL_AT));
  });

  it('missing the supervision deadline is a second breach and refers the case, once, as OVERDUE', () => {
    const state = missed();
    escalate(state, at(SUPERVISION_AT));
    superviseDeadline(state, SUPERVISION_AT);
    expect(escalate(state, at(REFERRAL_AT, -1))).toEqual({ events: [], effects: [] });
    const d = escalate(state, at(REFERRAL_AT));
    expect(types(d)).toEqual(['DEADLINE_MISSED', 'REFERRED_TO_DISCIPLINE']);
    expect(d.events[0].note).toBe(`INVESTIGATION (supervision order) was due ${REFERRAL_AT}`);
    expect(d.effects.filter((e) => e.type === 'refer')).toEqual([{ type: 'refer', reason: 'OVERDUE', sequence: 1 }]);
    expect(state).toMatchObject({ breaches: 2, referralCount: 1, escalation: { reminded: true, referred: true } });
    expect(nextWakeAt(state)).toBeNull();
  });

  it("a supervisor's order on a missed deadline sets it too; before the deadline it changes none", () => {
    const state = missed();
    const d = applyCommand(state, command('supervise'));
    expect(d.effects.map((e) => e.type)).toEqual(['superviseDeadline', 'notify']);
    expect(state.escalation.supervised).toBe(true);
    const onTime = stateIn('INVESTIGATING');
    expect(applyCommand(onTime, command('supervise')).effects.map((e) => e.type)).toEqual(['notify']);
  });

  it('no extension on a supervision deadline', () => {
    const state = missed();
    superviseDeadline(state, SUPERVISION_AT);
    expect(refuseCommand(state, command('request-extension'), at(SUPERVISION_AT, 1000))).toBe('the deadline was missed: the supervision order set the new one');
  });

  it('a calendar change moves the supervision deadline with the referral instant', () => {
    const state = missed();
    superviseDeadline(state, SUPERVISION_AT);
    const later = '2026-03-13T16:00:00.000Z';
    rescheduleDeadline(state, 3, { startedAt: STARTED, warnAt: WARN_AT, deadlineAt: '2026-03-06T16:00:00.000Z', supervisionAt: SUPERVISION_AT, referralAt: later }, SUPERVISION_AT);
    expect(state.deadline).toMatchObject({ deadlineAt: later, referralAt: later, supervision: { orderedAt: SUPERVISION_AT, missedDeadlineAt: '2026-03-06T16:00:00.000Z' } });
  });

  it('cases started before the rule keep the missed deadline', () => {
    const state = missed();
    state.rules.supervisionDeadline = false;
    expect(escalate(state, at(SUPERVISION_AT)).effects.map((e) => e.type)).toEqual(['notify']);
    expect(applyCommand(missed(), command('supervise')).effects.map((e) => e.type)).toEqual(['superviseDeadline', 'notify']);
    const old = missed();
    old.rules.supervisionDeadline = false;
    expect(applyCommand(old, command('supervise')).effects.map((e) => e.type)).toEqual(['notify']);
  });
});

describe('a stalled case (README, "Stalled cases")', () => {
  const stall = { reason: 'sendNotice: ER_BAD_NULL_ERROR on column organization_id', at: STARTED };

  it('refuses every action with the reason, and offers none', () => {
    const state = stateIn('REVISIT', { stalled: stall });
    const refusal = `the case is stalled: ${stall.reason}; an administrator or supervisor must retry it once the cause is fixed`;
    expect(refuseCommand(state, command('evaluate'), at(STARTED))).toBe(refusal);
    expect(refuseCommand(state, command('supervise'), at(STARTED))).toBe(refusal);
    for (const actor of ALL_ACTORS) expect(availableActions(state, actor, at(STARTED))).toEqual([]);
  });

  it('is retried by an administrator or a supervisor, and only while stalled', () => {
    expect(refuseRetry(stateIn('REVISIT', { stalled: stall }), ACTORS.ADMIN)).toBeNull();
    expect(refuseRetry(stateIn('REVISIT', { stalled: stall }), ACTORS.SUPERVISOR)).toBeNull();
    expect(refuseRetry(stateIn('REVISIT', { stalled: stall }), ACTORS.HANDLER)).toBe('retry needs the role ADMIN or SUPERVISOR');
    expect(refuseRetry(stateIn('REVISIT', { stalled: stall }), ACTORS.COMPLAINANT)).toBe('retry needs the role ADMIN or SUPERVISOR');
    expect(refuseRetry(stateIn('REVISIT'), ACTORS.ADMIN)).toBe('the case is not stalled: there is nothing to retry');
  });
});
