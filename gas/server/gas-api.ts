/**
 * The part of Apps Script's services the RunRate server uses, and nothing more: SpreadsheetApp,
 * HtmlService, Session, Utilities and Charts as the server code sees them. The real services are
 * globals in Apps Script; the tests provide an in-memory implementation of exactly this surface
 * (test/gas/support/fake-spreadsheet-app.ts). `gas-api-check.ts` proves at compile time that the
 * real services (from @types/google-apps-script) satisfy these interfaces, so the server never
 * calls something Apps Script does not have.
 */

/** Enum values of Apps Script (e.g. `SpreadsheetApp.ProtectionType.SHEET`): opaque to the server. */
export type GasEnum = object | string | number;

export interface GasDeveloperMetadata {
  getKey(): string;
  getValue(): string | null;
  setValue(value: string): GasDeveloperMetadata;
}

export interface GasProtection {
  setWarningOnly(warningOnly: boolean): GasProtection;
  setDescription(description: string): GasProtection;
  isWarningOnly(): boolean;
  remove(): void;
}

export interface GasRange {
  getSheet(): GasSheet;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getA1Notation(): string;
  getValues(): unknown[][];
  setValues(values: unknown[][]): GasRange;
  getFormulas(): string[][];
  setFormulas(formulas: string[][]): GasRange;
  getNumberFormats(): string[][];
  setNumberFormats(formats: string[][]): GasRange;
  setFontWeights(weights: (string | null)[][]): GasRange;
  setFontStyles(styles: (string | null)[][]): GasRange;
  setFontColors(colors: (string | null)[][]): GasRange;
  setBackgrounds(colors: (string | null)[][]): GasRange;
  setFontSizes(sizes: (number | null)[][]): GasRange;
  setNote(note: string | null): GasRange;
}

export interface GasEmbeddedChart {
  getChartId(): number | null;
}

export interface GasEmbeddedChartBuilder {
  setChartType(type: GasEnum): GasEmbeddedChartBuilder;
  addRange(range: GasRange): GasEmbeddedChartBuilder;
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): GasEmbeddedChartBuilder;
  setOption(option: string, value: unknown): GasEmbeddedChartBuilder;
  build(): GasEmbeddedChart;
}

export interface GasConditionalFormatRule {
  getRanges(): GasRange[];
}

export interface GasConditionalFormatRuleBuilder {
  setGradientMinpointWithValue(color: string, type: GasEnum, value: string): GasConditionalFormatRuleBuilder;
  setGradientMaxpointWithValue(color: string, type: GasEnum, value: string): GasConditionalFormatRuleBuilder;
  setRanges(ranges: GasRange[]): GasConditionalFormatRuleBuilder;
  build(): GasConditionalFormatRule;
}

export interface GasSheet {
  getName(): string;
  getIndex(): number;
  getSheetId(): number;
  getRange(a1Notation: string): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getDataRange(): GasRange;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet;
  deleteRows(rowPosition: number, howMany: number): void;
  clear(): GasSheet;
  setFrozenRows(rows: number): void;
  getFrozenRows(): number;
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet;
  newChart(): GasEmbeddedChartBuilder;
  insertChart(chart: GasEmbeddedChart): void;
  getCharts(): GasEmbeddedChart[];
  removeChart(chart: GasEmbeddedChart): void;
  getConditionalFormatRules(): GasConditionalFormatRule[];
  setConditionalFormatRules(rules: GasConditionalFormatRule[]): void;
  addDeveloperMetadata(key: string, value: string, visibility: GasEnum): GasSheet;
  getDeveloperMetadata(): GasDeveloperMetadata[];
  protect(): GasProtection;
  getProtections(type: GasEnum): GasProtection[];
  hideSheet(): GasSheet;
  showSheet(): GasSheet;
  isSheetHidden(): boolean;
  activate(): GasSheet;
  setActiveRange(range: GasRange): GasRange;
}

export interface GasNamedRange {
  getName(): string;
  getRange(): GasRange;
  remove(): void;
}

export interface GasSpreadsheet {
  getName(): string;
  getSpreadsheetTimeZone(): string;
  getSheets(): GasSheet[];
  getSheetByName(name: string): GasSheet | null;
  insertSheet(sheetName: string, sheetIndex: number): GasSheet;
  deleteSheet(sheet: GasSheet): void;
  getNamedRanges(): GasNamedRange[];
  getRangeByName(name: string): GasRange | null;
  setNamedRange(name: string, range: GasRange): void;
  removeNamedRange(name: string): void;
  getActiveRange(): GasRange | null;
}

export interface GasMenu {
  addItem(caption: string, functionName: string): GasMenu;
  addSeparator(): GasMenu;
  addToUi(): void;
}

export interface GasHtmlOutput {
  getContent(): string;
  setContent(content: string): GasHtmlOutput;
  setTitle(title: string): GasHtmlOutput;
  setWidth(width: number): GasHtmlOutput;
  setHeight(height: number): GasHtmlOutput;
}

export interface GasUi {
  createMenu(caption: string): GasMenu;
  showSidebar(userInterface: GasHtmlOutput): void;
  showModalDialog(userInterface: GasHtmlOutput, title: string): void;
}

export interface GasSpreadsheetApp {
  getActiveSpreadsheet(): GasSpreadsheet;
  getUi(): GasUi;
  flush(): void;
  newConditionalFormatRule(): GasConditionalFormatRuleBuilder;
  DeveloperMetadataVisibility: { DOCUMENT: GasEnum };
  ProtectionType: { SHEET: GasEnum };
  InterpolationType: { NUMBER: GasEnum };
}

export interface GasHtmlService {
  createHtmlOutputFromFile(filename: string): GasHtmlOutput;
  createHtmlOutput(html: string): GasHtmlOutput;
}

export interface GasSession {
  getActiveUser(): { getEmail(): string };
}

export interface GasUtilities {
  formatDate(date: Date, timeZone: string, format: string): string;
}

export interface GasCharts {
  ChartType: { COLUMN: GasEnum; LINE: GasEnum };
}

/** The Apps Script globals the server reads, as one object (the real globals, or a test's fake). */
export interface GasServices {
  SpreadsheetApp: GasSpreadsheetApp;
  HtmlService: GasHtmlService;
  Session: GasSession;
  Utilities: GasUtilities;
  Charts: GasCharts;
}

/** The services of the running script: Apps Script's globals (or whatever a test put on globalThis). */
export function gasServices(): GasServices {
  const g = globalThis as unknown as Partial<GasServices>;
  if (!g.SpreadsheetApp || !g.HtmlService || !g.Session || !g.Utilities || !g.Charts) {
    throw new Error(
      'RunRate server: the Apps Script services (SpreadsheetApp, HtmlService, ...) are not available',
    );
  }
  return g as GasServices;
}
