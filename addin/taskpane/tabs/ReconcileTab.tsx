/**
 * Reconcile: a NetSuite export (a file picked here, read as text in the pane, or a sheet holding a
 * pasted export), the period, a preview of how its columns are read and which RunRate customer each
 * NetSuite name matches (editable), then the reconciliation sheets.
 */
import { useEffect, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import type { ReconcilePreview, ReconcileRun, ReconcileSetup } from '../../shared/host.js';
import type { SheetKind } from '../../shared/workbook.js';
import { ActionButton, DateField, ErrorBar, Section } from '../components/common.js';
import { formatMoney, isIsoDate } from '../components/format.js';
import { useHost } from '../components/host-context.js';
import { useStyles } from '../components/styles.js';
import { useAction } from '../components/use-action.js';

type Origin = 'file' | 'sheet';

/** Rows of the customer list drawn at once (a book has hundreds of customers). */
const SHOWN = 25;

/**
 * Matches by the same name, the NetSuite internal id, the mapping table or the normalised name are
 * taken as they are; a match on a sub-customer's last name or on its parent deserves a look.
 */
const CONFIDENT = new Set(['exact', 'id', 'mapping', 'name']);

/** How a name was matched, in words (the host's rule names otherwise). */
const HOW: Record<string, string> = {
  exact: 'same name',
  id: 'internal id',
  mapping: 'mapping table',
  name: 'similar name',
  leaf: 'sub-customer name',
  parent: 'parent customer',
};

/**
 * The customer matching, editable. A book has hundreds of customers, so the pane leads with the
 * names that need a look (unmatched, then matched by a looser rule), hides the sure matches until
 * asked, and filters by name; at most SHOWN rows are drawn at once.
 */
function CustomerMatches({
  preview,
  map,
  onMap,
}: {
  preview: ReconcilePreview;
  map: Record<string, string>;
  onMap: (update: (prev: Record<string, string>) => Record<string, string>) => void;
}) {
  const styles = useStyles();
  const [showConfident, setShowConfident] = useState(false);
  const [filter, setFilter] = useState('');
  const rank = (c: ReconcilePreview['customers'][number]) =>
    c.runrate === null ? 0 : CONFIDENT.has(c.how) ? 2 : 1;
  const all = [...preview.customers].sort((a, b) => rank(a) - rank(b));
  const unmatched = all.filter((c) => rank(c) === 0).length;
  const confident = all.filter((c) => rank(c) === 2).length;
  const loose = all.length - unmatched - confident;
  const needle = filter.trim().toLowerCase();
  const visible = all.filter((c) =>
    needle
      ? c.netsuite.toLowerCase().includes(needle) || (map[c.netsuite] ?? '').toLowerCase().includes(needle)
      : showConfident || rank(c) < 2,
  );
  return (
    <Section title="Customers">
      <Body1 data-testid="recon-match-summary">
        {all.length.toLocaleString('en-US')} NetSuite customers: {confident.toLocaleString('en-US')} matched
        by name, id or mapping, {loose.toLocaleString('en-US')} by a looser rule to check,{' '}
        {unmatched.toLocaleString('en-US')} unmatched.
      </Body1>
      <Caption1 className={styles.muted}>
        Change a RunRate customer to fix a match; leave it blank for a customer RunRate does not have.
      </Caption1>
      <Field label="Find a customer">
        <Input
          className={styles.fullWidth}
          value={filter}
          placeholder="Part of a name"
          onChange={(_, data) => setFilter(data.value)}
        />
      </Field>
      {!needle && confident > 0 ? (
        <div className={styles.row}>
          <Button
            appearance="secondary"
            size="small"
            data-testid="recon-show-confident"
            onClick={() => setShowConfident((v) => !v)}
          >
            {showConfident
              ? 'Hide the sure matches'
              : `Show the ${confident.toLocaleString('en-US')} sure matches`}
          </Button>
        </div>
      ) : null}
      <ul className={styles.list} data-testid="recon-customers">
        {visible.slice(0, SHOWN).map((c) => (
          <li key={c.netsuite} className={styles.card}>
            <div className={styles.row}>
              <Body1 className={`${styles.grow} ${styles.wrap}`}>{c.netsuite}</Body1>
              <Badge
                appearance="tint"
                color={c.runrate ? (CONFIDENT.has(c.how) ? 'success' : 'informative') : 'warning'}
                size="small"
              >
                {c.runrate ? (HOW[c.how] ?? c.how) : 'unmatched'}
              </Badge>
            </div>
            <Input
              size="small"
              className={styles.fullWidth}
              aria-label={`RunRate customer for ${c.netsuite}`}
              placeholder="(no RunRate customer)"
              value={map[c.netsuite] ?? ''}
              onChange={(_, data) => onMap((prev) => ({ ...prev, [c.netsuite]: data.value }))}
            />
          </li>
        ))}
      </ul>
      {visible.length > SHOWN ? (
        <Caption1 className={styles.muted}>
          {(visible.length - SHOWN).toLocaleString('en-US')} more; find a customer by name to see it.
        </Caption1>
      ) : null}
      {visible.length === 0 ? <Caption1 className={styles.muted}>No customer to show.</Caption1> : null}
    </Section>
  );
}

export function ReconcileTab({ asOf, currency }: { asOf: string; currency: string }) {
  const host = useHost();
  const styles = useStyles();
  const sheetsAction = useAction();
  const readFile = useAction();
  const preview = useAction();
  const generate = useAction();
  const [origin, setOrigin] = useState<Origin>('file');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [sheets, setSheets] = useState<{ name: string; kind: SheetKind }[]>([]);
  const [sheet, setSheet] = useState('');
  const [from, setFrom] = useState(() => (isIsoDate(asOf) ? `${asOf.slice(0, 4)}-01-01` : ''));
  const [to, setTo] = useState(asOf);
  const [result, setResult] = useState<ReconcilePreview | null>(null);
  const [map, setMap] = useState<Record<string, string>>({});
  const [run, setRun] = useState<ReconcileRun | null>(null);

  useEffect(() => {
    void sheetsAction.run(async () => setSheets((await host.listSheets()).filter((s) => s.kind === 'user')));
  }, [host]);

  const setup = (): ReconcileSetup | null => {
    if (origin === 'file' && file) return { export: { kind: 'file', ...file }, from, to };
    if (origin === 'sheet' && sheet) return { export: { kind: 'sheet', sheet }, from, to };
    return null;
  };
  const ready = setup() !== null && isIsoDate(from) && isIsoDate(to);

  const onPreview = () =>
    void preview.run(async () => {
      const s = setup();
      if (!s) return;
      setRun(null);
      const p = await host.previewReconcile(s);
      setResult(p);
      setMap(Object.fromEntries(p.customers.map((c) => [c.netsuite, c.runrate ?? ''])));
    });

  const onGenerate = () =>
    void generate.run(async () => {
      const s = setup();
      if (!s || !result) return;
      const overrides: Record<string, string> = {};
      for (const c of result.customers) {
        const chosen = (map[c.netsuite] ?? '').trim();
        if (chosen !== (c.runrate ?? '')) overrides[c.netsuite] = chosen;
      }
      setRun(await host.reconcile(s, overrides));
    });

  return (
    <div className={styles.panel} data-testid="reconcile-tab">
      <Section title="NetSuite export">
        <RadioGroup
          layout="horizontal"
          value={origin}
          onChange={(_, data) => {
            setOrigin(data.value as Origin);
            setResult(null);
          }}
        >
          <Radio value="file" label="A file" />
          <Radio value="sheet" label="A sheet" />
        </RadioGroup>
        {origin === 'file' ? (
          <Field
            label="Export file (CSV)"
            hint={
              file
                ? `${file.name}, ${file.text.length.toLocaleString('en-US')} characters read`
                : 'Read here in the pane; nothing is uploaded.'
            }
          >
            <input
              type="file"
              accept=".csv,.txt,text/csv"
              data-testid="export-file"
              className={styles.fullWidth}
              onChange={(e) => {
                const picked = e.target.files?.[0];
                setResult(null);
                if (!picked) return setFile(null);
                void readFile.run(async () => setFile({ name: picked.name, text: await picked.text() }));
              }}
            />
          </Field>
        ) : (
          <Field label="Sheet holding a pasted export">
            <Dropdown
              className={styles.dropdown}
              placeholder={sheets.length ? 'Choose a sheet' : 'No sheets of yours found'}
              data-testid="export-sheet"
              value={sheet}
              selectedOptions={sheet ? [sheet] : []}
              onOptionSelect={(_, data) => {
                setSheet(data.optionValue ?? '');
                setResult(null);
              }}
            >
              {sheets.map((s) => (
                <Option key={s.name} value={s.name}>
                  {s.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <ErrorBar error={readFile.error ?? sheetsAction.error} title="The export could not be read" />
        <DateField label="Period from" value={from} onChange={setFrom} testId="recon-from" />
        <DateField label="Period to" value={to} onChange={setTo} testId="recon-to" />
        <div className={styles.row}>
          <ActionButton busy={preview.busy} disabled={!ready} testId="recon-preview" onClick={onPreview}>
            Preview
          </ActionButton>
        </div>
        <ErrorBar error={preview.error} title="The export could not be previewed" />
      </Section>

      {result ? (
        <>
          <Section title="Columns read">
            <div className={styles.keyValue} data-testid="recon-columns">
              <Caption1 className={styles.muted}>Export column</Caption1>
              <Caption1 className={styles.muted}>Read as</Caption1>
              {result.columns.map((c, i) => (
                <div key={`${c.header}-${i}`} style={{ display: 'contents' }}>
                  <span className={styles.wrap}>{c.header || '(no header)'}</span>
                  <span className={c.field ? styles.wrap : styles.muted}>{c.field ?? 'ignored'}</span>
                </div>
              ))}
            </div>
          </Section>
          {result.problems.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="recon-problems">
              <MessageBarBody>
                <ul className={styles.list}>
                  {result.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <CustomerMatches preview={result} map={map} onMap={setMap} />
          <div className={styles.row}>
            <ActionButton busy={generate.busy} testId="recon-generate" onClick={onGenerate}>
              Generate reconciliation sheets
            </ActionButton>
          </div>
          <ErrorBar error={generate.error} title="The reconciliation was not generated" />
        </>
      ) : null}

      {run ? (
        <Section title="Result">
          <Caption1 className={styles.muted}>
            Contract revenue against NetSuite over the period; the sheets below explain the variance by cause.
          </Caption1>
          <div className={styles.keyValue} data-testid="recon-result">
            <span>Variance</span>
            <strong>{formatMoney(run.varianceCents, currency)}</strong>
            <span>Unexplained</span>
            <strong>{formatMoney(run.unexplainedCents, currency)}</strong>
          </div>
          <ul className={styles.list} data-testid="recon-sheets">
            {run.sheets.map((s) => (
              <li key={s.name} className={styles.row}>
                <Body1 className={styles.grow}>{s.name}</Body1>
                <Caption1 className={styles.muted}>{s.rows.toLocaleString('en-US')} rows</Caption1>
              </li>
            ))}
          </ul>
          {run.skipped.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                Not written, because a sheet of yours has the name: {run.skipped.join(', ')}.
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </Section>
      ) : null}
    </div>
  );
}
