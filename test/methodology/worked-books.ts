/**
 * Hand-worked books of the methodology tests that other tests (the Sheets and Excel wrappers) run
 * again through their hosts. Every figure is worked out in the comments and in the tests that use them.
 */
import type { Line } from './book.js';

/** Bridge lanes, monthly12, d0 = 2024-12-31, d1 = 2025-06-30 (methodology section 3). */
export const LANES_BOOK: Line[] = [
  // New: first ARR 2025-02-01; 12 months, 60,000 -> a = 0, b' = 60,000.
  { Customer: 'New Co', Contract: 'N-1', Start: '2025-02-01', End: '2026-01-31', Amount: 60000 },
  // Reactivation: ARR in H1 2024 (6 months, 30,000 -> 60,000), none on d0, back 2025-03-01
  // for 12 months at 48,000 -> a = 0, b' = 48,000, ARR before d0.
  { Customer: 'Return Co', Contract: 'R-1', Start: '2024-01-01', End: '2024-06-30', Amount: 30000 },
  { Customer: 'Return Co', Contract: 'R-2', Start: '2025-03-01', End: '2026-02-28', Amount: 48000 },
  // Expansion: 24 months 200,000 -> 100,000; add-on 2025-04-01..2025-12-31 = 9 months,
  // 15,000 x 12 / 9 = 20,000 -> a = 100,000, b' = 120,000, +20,000.
  { Customer: 'Grow Co', Contract: 'E-1', Start: '2024-01-01', End: '2025-12-31', Amount: 200000 },
  { Customer: 'Grow Co', Contract: 'E-2', Start: '2025-04-01', End: '2025-12-31', Amount: 15000 },
  // Contraction: 80,000 in 2024, renewed at 50,000 for 2025 -> -30,000.
  { Customer: 'Shrink Co', Contract: 'K-1', Start: '2024-01-01', End: '2024-12-31', Amount: 80000 },
  { Customer: 'Shrink Co', Contract: 'K-2', Start: '2025-01-01', End: '2025-12-31', Amount: 50000 },
  // Churn: 2024-07-01..2025-03-31 = 9 months, 90,000 x 12 / 9 = 120,000 -> a = 120,000, b = 0.
  { Customer: 'Gone Co', Contract: 'X-1', Start: '2024-07-01', End: '2025-03-31', Amount: 90000 },
  // Flat: 24 months, 100,000 -> 50,000 at both dates: no lane.
  { Customer: 'Flat Co', Contract: 'F-1', Start: '2024-01-01', End: '2025-12-31', Amount: 100000 },
];

/** Retention, monthly12, d0 = 2024-12-31, d1 = 2025-12-31 (methodology section 4). */
export const RETENTION_BOOK: Line[] = [
  // A: 100,000 -> 120,000 (expansion)
  { Customer: 'A', Start: '2024-01-01', End: '2024-12-31', Amount: 100000 },
  { Customer: 'A', Start: '2025-01-01', End: '2025-12-31', Amount: 120000 },
  // B: 50,000 -> 40,000 (contraction)
  { Customer: 'B', Start: '2024-01-01', End: '2024-12-31', Amount: 50000 },
  { Customer: 'B', Start: '2025-01-01', End: '2025-12-31', Amount: 40000 },
  // C: 30,000 -> 0 (churn)
  { Customer: 'C', Start: '2024-01-01', End: '2024-12-31', Amount: 30000 },
  // D: 20,000 flat (24 months, 40,000)
  { Customer: 'D', Start: '2024-01-01', End: '2025-12-31', Amount: 40000 },
  // E: 25,000 flat (on the 25,000 band edge)
  { Customer: 'E', Start: '2024-01-01', End: '2025-12-31', Amount: 50000 },
  // N: new in 2025, 60,000: never in the numerator
  { Customer: 'N', Start: '2025-01-01', End: '2025-12-31', Amount: 60000 },
  // R: 10,000 in 2023, none at d0, back in 2025 at 15,000 (reactivation): not in the cohort
  { Customer: 'R', Start: '2023-01-01', End: '2023-12-31', Amount: 10000 },
  { Customer: 'R', Start: '2025-01-01', End: '2025-12-31', Amount: 15000 },
];
