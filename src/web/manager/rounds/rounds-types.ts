/** The plain data the managers' round pages render (built by RoundsViews). */

export interface RoundListItem {
  id: string;
  name: string;
  position: number;
  status: string;
  finalizing: boolean;
  deadline: Date;
  criteria: number;
  assigned: number;
  submitted: number;
}

export interface JurorProgress {
  jurorId: string;
  fullName: string;
  assigned: number;
  drafts: number;
  submitted: number;
}

export interface PanelJuror {
  userId: string;
  fullName: string;
  email: string;
  expertise: string[];
  confirmedAt: Date | null;
  activeAssignments: number;
  declarations: { target: string; targetName: string; kind: string }[];
}

export interface Shortfall {
  reason: string;
  message?: string;
  applications?: { id: string; reference: string }[];
  jurors?: string[];
}

export interface RunView {
  id: string;
  status: string;
  trigger: string;
  assigned: number;
  createdAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  details: {
    explanation?: Shortfall[];
    notAssignable?: { id: string; fullName: string; reason: string }[];
    places?: number;
  };
}

export interface AssignmentView {
  applicationId: string;
  reference: string;
  title: string;
  assignments: { id: string; jurorId: string; jurorName: string; source: string; scoresheet: string | null }[];
}

export interface ResultRow {
  applicationId: string;
  reference: string;
  title: string;
  requestedAmount: bigint;
  count: number;
  totals: { juror: string; total: number }[];
  official: number | null;
  calibrated: number | null;
  spread: number | null;
  gatesFailed: string[];
  quorumMet: boolean;
  rank: number | null;
  advanced: boolean;
  reason: string;
  disputed: boolean;
}

export interface ResultsView {
  /** One page of the ranking, in rank order. */
  rows: ResultRow[];
  page: number;
  pages: number;
  applications: number;
  advanced: number;
  /** The discussion list: every disputed application, whatever page of the ranking is shown. */
  disputed: ResultRow[];
  alpha: number | null;
  calibratedDecides: boolean;
  calibrationBlockedBy: string | null;
  /** The applications whose side of the funding line differs between the official and the calibrated score. */
  crossings: ResultRow[];
  /** One page of the jurors, each with their totals. */
  jurors: { id: string; name: string; totals: number[] }[];
  jurorPage: number;
  jurorPages: number;
}

/** A refusal of a service shown on the page in words: the error code and its details. */
export interface Refusal {
  code: string;
  details?: Record<string, unknown>;
}
