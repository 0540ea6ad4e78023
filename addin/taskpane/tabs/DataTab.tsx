/**
 * Data: pick the contract range (a table, a named range, a sheet or the selection), see the column
 * mapping RunRate detected and fix it, choose the FX rates range, then run the data checks; clicking
 * a finding selects its cell in the workbook.
 */
import { useEffect, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
} from '@fluentui/react-components';
import type { RangeSource } from '../../shared/workbook.js';
import type { CheckRun, ColumnMapping, ContractSourceInfo, Finding } from '../../shared/host.js';
import { ActionButton, DateField, ErrorBar, Section } from '../components/common.js';
import { useHost } from '../components/host-context.js';
import { useStyles } from '../components/styles.js';
import { useAction } from '../components/use-action.js';

const IGNORED = '__ignored__';
const NO_RATES = '__none__';

export function sourceKey(source: RangeSource): string {
  return `${source.kind}:${source.name}`;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/** Findings drawn at once; the Checks report sheet lists every one. */
const FINDINGS_SHOWN = 50;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function FindingList({ findings, onSelect }: { findings: Finding[]; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <>
      <ul className={styles.list} data-testid="findings">
        {sorted.slice(0, FINDINGS_SHOWN).map((f, i) => (
          <li key={`${f.rule}-${i}`}>
            <button
              type="button"
              className={styles.findingButton}
              disabled={!f.sheet || !f.address}
              title={f.sheet && f.address ? `Select ${f.sheet}!${f.address}` : 'Applies to the whole book'}
              onClick={() => onSelect(f)}
            >
              <span className={styles.row}>
                <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]} size="small">
                  {f.severity}
                </Badge>
                <span className={styles.muted}>
                  {f.sheet && f.address ? `${f.sheet}!${f.address}` : 'whole book'}
                </span>
              </span>
              <span className={styles.wrap}>{f.message}</span>
            </button>
          </li>
        ))}
      </ul>
      {sorted.length > FINDINGS_SHOWN ? (
        <Caption1 className={styles.muted}>
          {(sorted.length - FINDINGS_SHOWN).toLocaleString('en-US')} more; the Checks sheet (Reports tab)
          lists every finding.
        </Caption1>
      ) : null}
    </>
  );
}

function MappingEditor({
  info,
  mapping,
  onChange,
}: {
  info: ContractSourceInfo;
  mapping: ColumnMapping[];
  onChange: (mapping: ColumnMapping[]) => void;
}) {
  const styles = useStyles();
  const labelOf = (field: string | null) =>
    field === null ? '(ignored)' : (info.fieldChoices.find((c) => c.field === field)?.label ?? field);
  return (
    <div className={styles.keyValue} data-testid="mapping" role="table" aria-label="Column mapping">
      <Caption1 role="columnheader" className={styles.muted}>
        Column
      </Caption1>
      <Caption1 role="columnheader" className={styles.muted}>
        Read as
      </Caption1>
      {mapping.map((m, i) => (
        <div key={m.column} role="row" style={{ display: 'contents' }}>
          <Body1 role="cell" className={styles.wrap} style={{ alignSelf: 'center' }}>
            <span className={styles.muted}>{columnLetter(m.column)}</span> {m.header || '(no header)'}
          </Body1>
          <div role="cell" style={{ minWidth: 0 }}>
            <Dropdown
              className={styles.dropdown}
              size="small"
              aria-label={`Field for column ${m.header}`}
              value={labelOf(m.field)}
              selectedOptions={[m.field ?? IGNORED]}
              onOptionSelect={(_, data) => {
                const field = data.optionValue === IGNORED ? null : (data.optionValue ?? null);
                onChange(mapping.map((x, j) => (j === i ? { ...x, field } : x)));
              }}
            >
              <Option value={IGNORED}>(ignored)</Option>
              {info.fieldChoices.map((c) => (
                <Option key={c.field} value={c.field}>
                  {c.label}
                </Option>
              ))}
            </Dropdown>
          </div>
        </div>
      ))}
    </div>
  );
}

/** Where the contracts can be, in the host's words: Google Sheets has no Excel tables. */
function rangeHint(hostName: string): string {
  return hostName === 'Google Sheets'
    ? 'A named range, a sheet with a header row, or the selection.'
    : 'An Excel table, a named range, or the selection (a sheet with a header row too).';
}

export function DataTab({ asOf, onAsOf }: { asOf: string; onAsOf: (iso: string) => void }) {
  const host = useHost();
  const styles = useStyles();
  const sourcesAction = useAction();
  const pick = useAction();
  const use = useAction();
  const checks = useAction();
  const select = useAction();
  const [sources, setSources] = useState<ContractSourceInfo[]>([]);
  const [info, setInfo] = useState<ContractSourceInfo | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [rates, setRates] = useState<string>(NO_RATES);
  const [inUse, setInUse] = useState<ContractSourceInfo | null>(null);
  const [run, setRun] = useState<CheckRun | null>(null);
  // The column list is long: open while a range is being set up, folded once it is in use.
  const [showMapping, setShowMapping] = useState<boolean | null>(null);

  const choose = (next: ContractSourceInfo) => {
    setInfo(next);
    setMapping(next.mapping);
    setShowMapping(null);
  };

  useEffect(() => {
    void sourcesAction.run(async () => {
      const [list, current] = await Promise.all([host.listContractSources(), host.currentContracts()]);
      setSources(list);
      setInUse(current);
      if (current) choose(current);
      if (current?.rates) setRates(sourceKey(current.rates));
    });
  }, [host]);

  const rateSources = sources.filter((s) => !info || sourceKey(s.source) !== sourceKey(info.source));
  const ratesSource = rateSources.find((s) => sourceKey(s.source) === rates)?.source ?? null;
  const missing = info
    ? info.fieldChoices.filter(
        (c) => info.missing.includes(c.field) && !mapping.some((m) => m.field === c.field),
      )
    : [];

  const inUseHere = inUse !== null && info !== null && sourceKey(inUse.source) === sourceKey(info.source);
  const mappingOpen = showMapping ?? (!inUseHere || missing.length > 0);

  return (
    <div className={styles.panel} data-testid="data-tab">
      <Section title="Contracts">
        {inUse ? (
          <Caption1 data-testid="contracts-in-use">
            In use: {inUse.label}, {inUse.lines.toLocaleString('en-US')} lines
            {inUse.rates ? `; FX rates from ${inUse.rates.kind} ${inUse.rates.name}` : ''}
          </Caption1>
        ) : (
          <Caption1 className={styles.muted}>No contract range chosen yet.</Caption1>
        )}
        <Field label="Contract range" hint={rangeHint(host.hostName)}>
          <Dropdown
            className={styles.dropdown}
            placeholder={
              sources.length
                ? 'Choose a range'
                : host.hostName === 'Google Sheets'
                  ? 'No named ranges or sheets found'
                  : 'No tables or ranges found'
            }
            data-testid="source-picker"
            value={info ? info.label : ''}
            selectedOptions={info ? [sourceKey(info.source)] : []}
            onOptionSelect={(_, data) => {
              const next = sources.find((s) => sourceKey(s.source) === data.optionValue);
              if (next) choose(next);
            }}
          >
            {sources.map((s) => (
              <Option key={sourceKey(s.source)} value={sourceKey(s.source)} text={s.label}>
                {s.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.row}>
          <ActionButton
            appearance="secondary"
            busy={pick.busy}
            testId="use-selection"
            onClick={() =>
              void pick.run(async () => choose(await host.describeSource({ kind: 'selection', name: '' })))
            }
          >
            Read the selection
          </ActionButton>
        </div>
        {sourcesAction.busy ? (
          <Spinner size="tiny" label="Reading the workbook's tables and ranges..." />
        ) : null}
        <ErrorBar error={sourcesAction.error ?? pick.error} title="The ranges could not be read" />
      </Section>

      {info ? (
        <Section title="Columns">
          <Caption1 data-testid="source-info">
            {info.label}: {info.lines.toLocaleString('en-US')} lines below the header at {info.sheet}!
            {info.topLeft}.
          </Caption1>
          {mappingOpen ? <MappingEditor info={info} mapping={mapping} onChange={setMapping} /> : null}
          <div className={styles.row}>
            <Button
              appearance="secondary"
              size="small"
              data-testid="toggle-mapping"
              onClick={() => setShowMapping(!mappingOpen)}
            >
              {mappingOpen ? 'Hide the columns' : `Show how the ${mapping.length} columns are read`}
            </Button>
          </div>
          {missing.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="mapping-missing">
              <MessageBarBody>
                No column is read as {missing.map((c) => c.label).join(', ')}. Pick one above.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <Field
            label="FX rates (optional)"
            hint="Needed when the policy converts currencies at spot or fixed rates."
          >
            <Dropdown
              className={styles.dropdown}
              data-testid="rates-picker"
              value={
                rates === NO_RATES
                  ? 'None'
                  : (rateSources.find((s) => sourceKey(s.source) === rates)?.label ?? '')
              }
              selectedOptions={[rates]}
              onOptionSelect={(_, data) => setRates(data.optionValue ?? NO_RATES)}
            >
              <Option value={NO_RATES}>None</Option>
              {rateSources.map((s) => (
                <Option key={sourceKey(s.source)} value={sourceKey(s.source)} text={s.label}>
                  {s.label}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <div className={styles.row}>
            <ActionButton
              busy={use.busy}
              testId="use-range"
              onClick={() =>
                void use.run(async () => {
                  const used = await host.useContracts(info.source, mapping, ratesSource);
                  setInUse({ ...used, rates: used.rates === undefined ? ratesSource : used.rates });
                  choose(used);
                })
              }
            >
              Use this range
            </ActionButton>
          </div>
          <ErrorBar error={use.error} title="This range cannot be used" />
        </Section>
      ) : null}

      <Section title="Data checks">
        <DateField label="As of" value={asOf} onChange={onAsOf} testId="data-asof" />
        <div className={styles.row}>
          <ActionButton
            busy={checks.busy}
            disabled={!inUse}
            testId="run-checks"
            onClick={() => void checks.run(async () => setRun(await host.runChecks(asOf)))}
          >
            Run checks
          </ActionButton>
        </div>
        <ErrorBar error={checks.error} title="The checks did not run" />
        {run ? (
          <>
            <Body1 data-testid="check-summary">
              {run.lines.toLocaleString('en-US')} lines checked: {run.errors} errors, {run.warnings} warnings
              {run.findings.length === 0 ? ', nothing to fix.' : '.'}
            </Body1>
            <FindingList
              findings={run.findings}
              onSelect={(f) => void select.run(() => host.selectFinding(f))}
            />
            <ErrorBar error={select.error} title="That cell could not be selected" />
          </>
        ) : null}
      </Section>
    </div>
  );
}
