/**
 * Ribbon commands. The RunRate button is a ShowTaskpane action (manifest.xml), which Office handles
 * without code; this entry only waits for Office so the shared runtime's function file is ready,
 * and gives any future ExecuteFunction button a place to be associated.
 */
Office.onReady(() => {
  // No ExecuteFunction commands yet: the ribbon has one ShowTaskpane button.
});
