/** contracts + policy + rates ranges -> an ARR model, as every sheet function begins. */
import { CellError } from '../cells/error.js';
import { parseContracts, type ContractBook } from '../contracts/index.js';
import { parseRates, type FxRates } from '../money/rates.js';
import { parsePolicy } from '../policy/index.js';
import type { Policy } from '../policy/keys.js';
import { buildModel, type ArrModel } from '../arr/model.js';
import { asRange, isOmitted, type CallContext } from './args.js';

export function loadPolicy(policyArg: unknown, overrides?: Record<string, string>): Policy | CellError {
  return parsePolicy(isOmitted(policyArg) ? null : asRange(policyArg), overrides);
}

export interface LoadedInputs {
  policy: Policy;
  book: ContractBook;
  rates: FxRates | null;
}

/** The policy, the contract book and the rates table of a sheet function's range arguments. */
export function loadInputs(
  contractsArg: unknown,
  policyArg: unknown,
  ratesArg: unknown,
  ctx: CallContext,
  overrides?: Record<string, string>,
): LoadedInputs | CellError {
  const policy = loadPolicy(policyArg, overrides);
  if (policy instanceof CellError) return policy;
  if (isOmitted(contractsArg)) {
    return new CellError(
      '#VALUE!',
      'contracts: the contracts range is empty; it needs a header row and at least one line',
    );
  }
  const book = parseContracts(asRange(contractsArg), policy, { timeZone: ctx.timeZone });
  if (book instanceof CellError) return book;
  let rates: FxRates | null = null;
  if (!isOmitted(ratesArg)) {
    const r = parseRates(asRange(ratesArg), policy.reportingCurrency, { timeZone: ctx.timeZone });
    if (r instanceof CellError) return r;
    rates = r;
  }
  return { policy, book, rates };
}

export function loadModel(
  contractsArg: unknown,
  policyArg: unknown,
  ratesArg: unknown,
  ctx: CallContext,
  overrides?: Record<string, string>,
): ArrModel | CellError {
  const inputs = loadInputs(contractsArg, policyArg, ratesArg, ctx, overrides);
  if (inputs instanceof CellError) return inputs;
  return buildModel(inputs.book, inputs.policy, inputs.rates);
}
