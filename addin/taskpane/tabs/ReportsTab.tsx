/**
 * Reports: generate the Summary, Bridge, ARR trend, Retention, Revenue, Checks and Policy sheets as
 * of a date, with progress; lists the sheets written and the names skipped because a user sheet
 * holds them (user sheets are never touched).
 */
import { useState } from 'react';
import { Caption1, Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import type { ReportRun } from '../../shared/host.js';
import { ActionButton, DateField, ErrorBar, Section, SheetsWritten } from '../components/common.js';
import { formatMoney } from '../components/format.js';
import { useHost } from '../components/host-context.js';
import { useStyles } from '../components/styles.js';
import { useAction } from '../components/use-action.js';

export function ReportsTab({
  asOf,
  onAsOf,
  currency,
}: {
  asOf: string;
  onAsOf: (iso: string) => void;
  currency: string;
}) {
  const host = useHost();
  const styles = useStyles();
  const generate = useAction();
  const [progress, setProgress] = useState<{ message: string; fraction?: number } | null>(null);
  const [run, setRun] = useState<ReportRun | null>(null);

  const onGenerate = () =>
    void generate.run(async () => {
      setRun(null);
      setProgress({ message: 'Starting...', fraction: 0 });
      try {
        const result = await host.generateReports(asOf, (message, fraction) =>
          setProgress({ message, fraction }),
        );
        setRun(result);
      } finally {
        setProgress(null);
      }
    });

  return (
    <div className={styles.panel} data-testid="reports-tab">
      <Section title="Generate reports">
        <Caption1 className={styles.muted}>
          Summary, Bridge, ARR trend, Retention, Revenue, Checks and Policy sheets from the contracts in use.
          Only RunRate&apos;s own sheets are replaced; a sheet of yours with one of these names is left as it
          is.
        </Caption1>
        <DateField label="As of" value={asOf} onChange={onAsOf} testId="reports-asof" />
        <div className={styles.row}>
          <ActionButton busy={generate.busy} testId="generate-reports" onClick={onGenerate}>
            Generate reports
          </ActionButton>
        </div>
        {progress ? (
          <Field validationMessage={progress.message} validationState="none" data-testid="report-progress">
            <ProgressBar value={progress.fraction} max={1} thickness="large" aria-label="Report progress" />
          </Field>
        ) : null}
        <ErrorBar error={generate.error} title="The reports were not generated" />
      </Section>
      {run ? (
        <Section title="Result">
          <MessageBar intent="success" layout="multiline" data-testid="reports-done">
            <MessageBarBody>
              ARR as of {run.asOf}: <strong>{formatMoney(run.arrCents, currency)}</strong>
            </MessageBarBody>
          </MessageBar>
          <SheetsWritten
            sheets={run.sheets}
            skipped={run.skipped}
            listTestId="sheets-written"
            skippedTestId="sheets-skipped"
          />
          <Caption1 className={styles.muted}>
            {run.sheets.length} sheets in {(run.millis / 1000).toFixed(1)} s, {run.syncs} round trips to the
            workbook.
          </Caption1>
        </Section>
      ) : null}
    </div>
  );
}
