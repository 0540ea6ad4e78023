/** The reconciliation's result types (docs/reconcile.md). Money is integer cents. */
import type { Day } from '../cells/days.js';

/** The known causes of a variance, in the order they are shown. */
export const CAUSE_KEYS = [
  'pendingStart',
  'oneTime',
  'usage',
  'discount',
  'modificationTiming',
  'churnTiming',
  'unmatched',
] as const;
export type CauseKey = (typeof CAUSE_KEYS)[number];
export type Causes = Record<CauseKey, number>;

export const CAUSE_LABELS: Record<CauseKey, string> = {
  pendingStart: 'Pending start',
  oneTime: 'One-time / services',
  usage: 'Usage',
  discount: 'Discount gross vs net',
  modificationTiming: 'Modification timing',
  churnTiming: 'Churn timing',
  unmatched: 'Unmatched customer',
};

export type ReconKind = 'revenue' | 'arr' | 'deferred';
export const RECON_KINDS: readonly ReconKind[] = ['revenue', 'arr', 'deferred'];

export interface ReconRow {
  /** The contract customer key; null for a NetSuite entity no contract customer matched. */
  customer: string | null;
  /** The NetSuite entities matched to the customer (empty for a contract customer with none). */
  netsuite: string[];
  /** The contract-derived figure. */
  contractCents: number;
  /** NetSuite's figure (GL revenue, billing run-rate or deferred revenue). */
  netsuiteCents: number;
  /** netsuite - contract. */
  varianceCents: number;
  /** variance / |contract| x 100; null when the contract figure is 0. */
  variancePct: number | null;
  /** |variancePct| above the policy's reconTolerancePct (or any variance on a zero contract figure). */
  flag: boolean;
  causes: Causes;
  /** variance - the sum of the causes: what no cause explains. */
  unexplainedCents: number;
}

export interface ReconTable {
  kind: ReconKind;
  /** What the contract and NetSuite figures are, for headers. */
  contractLabel: string;
  netsuiteLabel: string;
  rows: ReconRow[];
  total: ReconRow;
}

export type WalkKind = 'start' | 'cause' | 'unexplained' | 'subtotal' | 'end';

export interface WalkStep {
  step: string;
  cents: number;
  kind: WalkKind;
  /** The cause a 'cause' step adds up. */
  cause?: CauseKey;
  /** 1: ARR-implied revenue to contract revenue; 2: contract revenue to GL revenue. */
  leg: 1 | 2;
}

export interface MatchCandidate {
  name: string;
  /** Similarity 0..1 (1 = the same normalised name). */
  score: number;
}

export interface UnmatchedName {
  name: string;
  candidates: MatchCandidate[];
}

export interface Reconciliation {
  from: Day;
  to: Day;
  currency: string;
  tolerancePct: number;
  /** Contract revenue vs GL revenue over from..to. */
  revenue: ReconTable;
  /** Contract ARR vs NetSuite billing run-rate on `to`. */
  arr: ReconTable;
  /** Contract deferred revenue vs NetSuite deferred revenue at `to`. */
  deferred: ReconTable;
  /** Where NetSuite's deferred revenue came from. */
  deferredSource: 'export' | 'invoices';
  walk: WalkStep[];
  unmatched: { contracts: UnmatchedName[]; netsuite: UnmatchedName[] };
}
