/**
 * A tiny spreadsheet evaluator for the report models, test-only: enough of Excel's formula language
 * to recompute every formula the board pack writes, so the model proves itself without LibreOffice.
 *
 * Supported: numbers (1, 0.5, 1E-9), strings ("a ""b"""), cell references (A1, $A$1, Sheet!A1,
 * 'Sheet name'!A1) and ranges of them, + - * / & (unary minus too), = <> < <= > >=, parentheses,
 * and the functions SUM, SUMIFS, COUNTIF, ROUND, IF, ABS. Anything else is an error, so a formula
 * the pack should not write fails the tests.
 *
 * Cells hold what a spreadsheet holds for the model's cells (as the xlsx writer writes them): money
 * in currency units (cents / 100), ratios as fractions (an undefined one as the text "n/a"), dates
 * as Excel serials, text as text (empty text as a blank), formulas as their computed value.
 */
import { excelSerialFromDay } from '../../src/cells/days.js';
import type { ReportBook, ReportCell, ReportSheet } from '../../src/reports/model.js';

export type Value = number | string | boolean | null | { error: string };
type Range = { sheet: string; row0: number; col0: number; row1: number; col1: number };

const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;

class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const columnIndex = (letters: string): number => {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

// ---- Tokens -------------------------------------------------------------------------------------

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet: string | null; col: number; row: number }
  | { t: 'fn'; v: string }
  | { t: 'op'; v: string }
  | { t: '(' }
  | { t: ')' }
  | { t: ',' }
  | { t: ':' };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const cellAt = (s: string, at: number) => /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(s.slice(at));
  while (i < src.length) {
    const c = src[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    if (c === "'") {
      // 'Sheet name'!A1
      let name = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated sheet name in ${src}`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            name += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += src[i++];
      }
      if (src[i] !== '!') throw new Error(`expected ! after '${name}' in ${src}`);
      i++;
      const m = cellAt(src, i);
      if (!m) throw new Error(`expected a cell after '${name}'! in ${src}`);
      out.push({ t: 'ref', sheet: name, col: columnIndex(m[1]), row: Number(m[2]) });
      i += m[0].length;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)(E[+-]?\d+)?/i.exec(src.slice(i));
    if (num && !/^[A-Za-z]/.test(src.slice(i + num[0].length))) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (word || c === '$') {
      const sheetRef = /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(src.slice(i));
      if (sheetRef) {
        i += sheetRef[0].length;
        const m = cellAt(src, i);
        if (!m) throw new Error(`expected a cell after ${sheetRef[0]} in ${src}`);
        out.push({ t: 'ref', sheet: sheetRef[1], col: columnIndex(m[1]), row: Number(m[2]) });
        i += m[0].length;
        continue;
      }
      const m = cellAt(src, i);
      if (m && !/^[A-Za-z0-9_(]/.test(src.slice(i + m[0].length))) {
        out.push({ t: 'ref', sheet: null, col: columnIndex(m[1]), row: Number(m[2]) });
        i += m[0].length;
        continue;
      }
      if (word && src[i + word[0].length] === '(') {
        out.push({ t: 'fn', v: word[0].toUpperCase() });
        i += word[0].length;
        continue;
      }
      throw new Error(`unknown name ${word?.[0] ?? c} in ${src}`);
    }
    const two = src.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/&=<>'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === ':') {
      out.push({ t: c } as Token);
      i++;
      continue;
    }
    throw new Error(`unexpected ${JSON.stringify(c)} in ${src}`);
  }
  return out;
}

// ---- Syntax ---------------------------------------------------------------------------------------

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; sheet: string | null; col: number; row: number }
  | { k: 'range'; sheet: string | null; row0: number; col0: number; row1: number; col1: number }
  | { k: 'neg'; e: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'call'; fn: string; args: Node[] };

function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const expectTok = (t: string) => {
    const tok = toks[p++];
    if (!tok || tok.t !== t) throw new Error(`expected ${t} in ${src}`);
  };
  const isOp = (...ops: string[]) => {
    const tok = peek();
    return tok?.t === 'op' && ops.includes(tok.v);
  };
  const opAt = (): string => (toks[p++] as { v: string }).v;

  function comparison(): Node {
    let a = concat();
    while (isOp('=', '<>', '<', '<=', '>', '>=')) {
      const op = opAt();
      a = { k: 'bin', op, a, b: concat() };
    }
    return a;
  }
  function concat(): Node {
    let a = additive();
    while (isOp('&')) {
      p++;
      a = { k: 'bin', op: '&', a, b: additive() };
    }
    return a;
  }
  function additive(): Node {
    let a = multiplicative();
    while (isOp('+', '-')) {
      const op = opAt();
      a = { k: 'bin', op, a, b: multiplicative() };
    }
    return a;
  }
  function multiplicative(): Node {
    let a = unary();
    while (isOp('*', '/')) {
      const op = opAt();
      a = { k: 'bin', op, a, b: unary() };
    }
    return a;
  }
  function unary(): Node {
    if (isOp('-')) {
      p++;
      return { k: 'neg', e: unary() };
    }
    if (isOp('+')) {
      p++;
      return unary();
    }
    return primary();
  }
  function primary(): Node {
    const tok = toks[p++];
    if (!tok) throw new Error(`unexpected end of ${src}`);
    switch (tok.t) {
      case 'num':
        return { k: 'num', v: tok.v };
      case 'str':
        return { k: 'str', v: tok.v };
      case 'ref': {
        if (peek()?.t === ':') {
          p++;
          const end = toks[p++];
          if (!end || end.t !== 'ref' || (end.sheet !== null && end.sheet !== tok.sheet))
            throw new Error(`bad range in ${src}`);
          return {
            k: 'range',
            sheet: tok.sheet,
            row0: Math.min(tok.row, end.row),
            row1: Math.max(tok.row, end.row),
            col0: Math.min(tok.col, end.col),
            col1: Math.max(tok.col, end.col),
          };
        }
        return { k: 'ref', sheet: tok.sheet, col: tok.col, row: tok.row };
      }
      case 'fn': {
        expectTok('(');
        const args: Node[] = [];
        if (peek()?.t !== ')') {
          args.push(comparison());
          while (peek()?.t === ',') {
            p++;
            args.push(comparison());
          }
        }
        expectTok(')');
        return { k: 'call', fn: tok.v, args };
      }
      case '(': {
        const e = comparison();
        expectTok(')');
        return e;
      }
      default:
        throw new Error(`unexpected token in ${src}`);
    }
  }
  const node = comparison();
  if (p !== toks.length) throw new Error(`trailing tokens in ${src}`);
  return node;
}

// ---- Evaluation -----------------------------------------------------------------------------------

/** Excel's ROUND: to 15 significant digits first (as Excel and LibreOffice do), then halves away from zero. */
export function excelRound(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.round(scaled) / f;
  return x < 0 ? -r : r;
}

export class Workbook {
  private readonly sheets = new Map<string, ReportSheet>();
  private readonly cache = new Map<string, Value>();
  private readonly active = new Set<string>();

  constructor(book: ReportBook) {
    for (const s of book.sheets) this.sheets.set(s.name.toLowerCase(), s);
  }

  private sheet(name: string): ReportSheet {
    const s = this.sheets.get(name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The value of a cell (1-based row, 0-based column), evaluating its formula if it has one. */
  value(sheetName: string, row: number, col: number): Value {
    const sheet = this.sheet(sheetName);
    const cell: ReportCell = sheet.rows[row - 1]?.[col] ?? null;
    if (cell === null) return null;
    switch (cell.kind) {
      case 'text':
        return cell.text === '' ? null : cell.text;
      case 'money':
        return cell.cents / 100;
      case 'percent':
      case 'ratio':
      case 'multiple':
        return cell.value ?? 'n/a';
      case 'count':
        return cell.value;
      case 'date':
        return excelSerialFromDay(cell.day);
      case 'formula': {
        const key = `${sheet.name}!${row}:${col}`;
        if (this.cache.has(key)) return this.cache.get(key) as Value;
        if (this.active.has(key)) throw new Error(`circular reference at ${key}`);
        this.active.add(key);
        let v: Value;
        try {
          v = this.evaluate(cell.formula, sheet.name);
        } finally {
          this.active.delete(key);
        }
        this.cache.set(key, v);
        return v;
      }
    }
  }

  /** Evaluates a formula (without `=`) as if it were on `sheetName`. */
  evaluate(formula: string, sheetName: string): Value {
    try {
      const v = this.eval(parse(formula.replace(/^=/, '')), sheetName);
      if (Array.isArray(v)) throw new FormulaError('#VALUE!');
      return v;
    } catch (e) {
      if (e instanceof FormulaError) return { error: e.code };
      throw e;
    }
  }

  private rangeValues(r: Range): Value[] {
    const out: Value[] = [];
    for (let row = r.row0; row <= r.row1; row++)
      for (let col = r.col0; col <= r.col1; col++) out.push(this.value(r.sheet, row, col));
    return out;
  }

  private eval(n: Node, here: string): Value | Value[] {
    switch (n.k) {
      case 'num':
        return n.v;
      case 'str':
        return n.v;
      case 'ref':
        return this.value(n.sheet ?? here, n.row, n.col);
      case 'range':
        return this.rangeValues({ ...n, sheet: n.sheet ?? here });
      case 'neg':
        return -this.num(this.scalar(n.e, here));
      case 'bin':
        return this.binary(n.op, this.scalar(n.a, here), this.scalar(n.b, here));
      case 'call':
        return this.call(n.fn, n.args, here);
    }
  }

  private scalar(n: Node, here: string): Value {
    const v = this.eval(n, here);
    if (Array.isArray(v)) throw new FormulaError('#VALUE!');
    if (isError(v)) throw new FormulaError(v.error);
    return v;
  }

  private num(v: Value): number {
    if (v === null) return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (isError(v)) throw new FormulaError(v.error);
    const t = v.trim();
    if (t !== '' && Number.isFinite(Number(t))) return Number(t);
    throw new FormulaError('#VALUE!');
  }

  private binary(op: string, a: Value, b: Value): Value {
    switch (op) {
      case '+':
        return this.num(a) + this.num(b);
      case '-':
        return this.num(a) - this.num(b);
      case '*':
        return this.num(a) * this.num(b);
      case '/': {
        const d = this.num(b);
        if (d === 0) throw new FormulaError('#DIV/0!');
        return this.num(a) / d;
      }
      case '&':
        return `${a ?? ''}${b ?? ''}`;
      default:
        return compare(op, a, b);
    }
  }

  private call(fn: string, args: Node[], here: string): Value {
    const arity = (lo: number, hi: number) => {
      if (args.length < lo || args.length > hi) throw new Error(`${fn} takes ${lo}-${hi} arguments`);
    };
    const rangeArg = (node: Node): Value[] => {
      const v = this.eval(node, here);
      return Array.isArray(v) ? v : [v];
    };
    switch (fn) {
      case 'SUM': {
        let s = 0;
        for (const a of args) {
          if (a.k === 'range') {
            for (const v of rangeArg(a)) {
              if (isError(v)) throw new FormulaError(v.error);
              if (typeof v === 'number') s += v;
            }
          } else s += this.num(this.scalar(a, here));
        }
        return s;
      }
      case 'SUMIFS': {
        if (args.length < 3 || args.length % 2 === 0) throw new Error('SUMIFS takes a sum range and pairs');
        const sum = rangeArg(args[0]);
        const tests: [Value[], Value][] = [];
        for (let i = 1; i < args.length; i += 2) {
          const r = rangeArg(args[i]);
          if (r.length !== sum.length) throw new FormulaError('#VALUE!');
          tests.push([r, this.scalar(args[i + 1], here)]);
        }
        let s = 0;
        sum.forEach((v, j) => {
          if (tests.every(([r, crit]) => matches(r[j], crit)) && typeof v === 'number') s += v;
        });
        return s;
      }
      case 'COUNTIF': {
        arity(2, 2);
        const r = rangeArg(args[0]);
        const crit = this.scalar(args[1], here);
        return r.filter((v) => matches(v, crit)).length;
      }
      case 'ROUND': {
        arity(2, 2);
        return excelRound(this.num(this.scalar(args[0], here)), this.num(this.scalar(args[1], here)));
      }
      case 'ABS':
        arity(1, 1);
        return Math.abs(this.num(this.scalar(args[0], here)));
      case 'IF': {
        arity(2, 3);
        const c = this.scalar(args[0], here);
        const truthy = typeof c === 'boolean' ? c : this.num(c) !== 0;
        if (truthy) return this.scalar(args[1], here);
        return args.length === 3 ? this.scalar(args[2], here) : false;
      }
      default:
        throw new Error(`function ${fn} is not one the pack may use`);
    }
  }
}

/** Excel's comparison: numbers with numbers, text with text case-insensitively; blank is 0 or "". */
function compare(op: string, a: Value, b: Value): boolean {
  if (isError(a) || isError(b)) throw new FormulaError('#VALUE!');
  let x: number | string | boolean = a ?? (typeof b === 'string' ? '' : 0);
  let y: number | string | boolean = b ?? (typeof a === 'string' ? '' : 0);
  let c: number;
  if (typeof x === 'string' && typeof y === 'string') {
    x = x.toLowerCase();
    y = y.toLowerCase();
    c = x < y ? -1 : x > y ? 1 : 0;
  } else if (typeof x === typeof y) {
    c = x < y ? -1 : x > y ? 1 : 0;
  } else {
    // Excel orders numbers < text < booleans.
    const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    c = rank(x) - rank(y);
  }
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
  throw new Error(`operator ${op}`);
}

/** A SUMIFS / COUNTIF criterion without operators: equal text (case-insensitive) or equal number. */
function matches(v: Value, crit: Value): boolean {
  if (typeof crit === 'string') {
    if (/^[<>=]/.test(crit) || /[*?~]/.test(crit)) throw new Error(`criterion ${crit} is not supported`);
    return typeof v === 'string' && v.toLowerCase() === crit.toLowerCase();
  }
  if (typeof crit === 'number') return typeof v === 'number' && v === crit;
  return false;
}

export interface FormulaProblem {
  where: string;
  formula: string;
  got: Value;
  expect: number | string;
}

/** Every formula of the book evaluated and compared with its `expect` (as the engine test does). */
export function proveFormulas(book: ReportBook): { formulas: number; problems: FormulaProblem[] } {
  const wb = new Workbook(book);
  const problems: FormulaProblem[] = [];
  let formulas = 0;
  for (const sheet of book.sheets) {
    sheet.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell === null || cell.kind !== 'formula') return;
        formulas++;
        const got = wb.value(sheet.name, r + 1, c);
        if (!agrees(cell.format, cell.expect, got)) {
          problems.push({
            where: `${sheet.name}!${colName(c)}${r + 1}`,
            formula: cell.formula,
            got,
            expect: cell.expect,
          });
        }
      }),
    );
  }
  return { formulas, problems };
}

const colName = (c: number): string => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function agrees(format: string, expect: number | string, got: Value): boolean {
  if (typeof expect === 'string') return (got ?? '') === expect;
  if (typeof got !== 'number') return false;
  switch (format) {
    case 'money':
      return Math.round(got * 100) === expect && Math.abs(got * 100 - expect) < 0.5;
    case 'count':
      return got === expect;
    case 'date':
      return got === excelSerialFromDay(expect);
    default:
      return Math.abs(got - expect) <= 1e-9;
  }
}
