import { describe, expect, it } from 'vitest';
import { ARR, CARR } from '../../src/functions/index.js';

// Contracted ARR: lines count from their signed date; a signed renewal replaces the line it renews
// from its signing date (src/arr/model.ts), so a term and its renewal are never added together.
const H = ['Customer', 'Product', 'Start', 'End', 'Signed', 'Amount'];
const monthly12 = [
  ['Key', 'Value'],
  ['annualization', 'monthly12'],
];

describe('CARR', () => {
  const book = [
    H,
    ['A', 'Platform', '2025-01-01', '2025-12-31', '2024-12-01', 100000],
    ['A', 'Platform', '2026-01-01', '2026-12-31', '2025-12-01', 110000],
    ['A', 'Add-on', '2025-06-01', '2026-05-31', '2025-05-01', 20000],
  ];

  it('includes a signed add-on before it starts', () => {
    // 2025-05-15: live 100,000 (Platform); contracted adds the Add-on signed 2025-05-01 (12 months, 20,000).
    expect(ARR(book, '2025-05-15', monthly12)).toBe(100000);
    expect(CARR(book, '2025-05-15', monthly12)).toBe(120000);
  });

  it('counts a signed renewal instead of the term it renews, never both', () => {
    // 2025-11-15: renewal not yet signed: 100,000 + 20,000.
    expect(CARR(book, '2025-11-15', monthly12)).toBe(120000);
    // 2025-12-15: the renewal (110,000) signed 2025-12-01 replaces the 2025 term: 110,000 + 20,000.
    expect(ARR(book, '2025-12-15', monthly12)).toBe(120000);
    expect(CARR(book, '2025-12-15', monthly12)).toBe(130000);
    // Once live, ARR and CARR agree.
    expect(ARR(book, '2026-01-15', monthly12)).toBe(130000);
    expect(CARR(book, '2026-01-15', monthly12)).toBe(130000);
  });

  it('shows a ramp signed at once at its contracted last step', () => {
    const ramp = [
      H,
      ['R', 'Platform', '2024-01-01', '2024-12-31', '2023-12-01', 100000],
      ['R', 'Platform', '2025-01-01', '2025-12-31', '2023-12-01', 125000],
      ['R', 'Platform', '2026-01-01', '2026-12-31', '2023-12-01', 150000],
    ];
    expect(ARR(ramp, '2024-06-30', monthly12)).toBe(100000);
    expect(CARR(ramp, '2024-06-30', monthly12)).toBe(150000);
    expect(CARR(ramp, '2023-11-30', monthly12)).toBe(0);
  });

  it('does not let another product replace a line at customer grain', () => {
    const book2 = [
      H,
      ['B', 'Platform', '2025-01-01', '2025-12-31', '2024-12-01', 50000],
      ['B', 'Support', '2026-01-01', '2026-12-31', '2025-11-01', 10000],
    ];
    // 2025-11-15: Platform 50,000 still counts; Support (signed) adds 10,000.
    expect(CARR(book2, '2025-11-15', monthly12)).toBe(60000);
  });
});
