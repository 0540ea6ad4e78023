/**
 * Compile-time only: the real Apps Script services (from @types/google-apps-script) satisfy the
 * interfaces in gas-api.ts, so the server uses nothing Apps Script lacks. Nothing here runs.
 */
/// <reference types="google-apps-script" />
import type { GasCharts, GasHtmlService, GasSession, GasSpreadsheetApp, GasUtilities } from './gas-api.js';

type Satisfies<Real extends Wanted, Wanted> = [Real, Wanted];

export type GasApiCheck = [
  Satisfies<GoogleAppsScript.Spreadsheet.SpreadsheetApp, GasSpreadsheetApp>,
  Satisfies<GoogleAppsScript.HTML.HtmlService, GasHtmlService>,
  Satisfies<GoogleAppsScript.Base.Session, GasSession>,
  Satisfies<GoogleAppsScript.Utilities.Utilities, GasUtilities>,
  Satisfies<GoogleAppsScript.Charts.Charts, GasCharts>,
];
