/**
 * Reconcile: every NetSuite export of the period (files picked here, read as text in the pane, and
 * sheets holding pasted exports), an optional customer mapping table (a file or a sheet), the
 * period, a preview of each export (its kind, how its columns are read) and of which RunRate
 * customer each NetSuite name matches (editable), then the reconciliation sheets.
 */
import { useEffect, useRef, useState } from 'react';
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
  makeStyles,
} from '@fluentui/react-components';
import type { ReconcileExport, ReconcilePreview, ReconcileRun, ReconcileSetup } from '../../shared/host.js';
import type { SheetKind } from '../../shared/workbook.js';
import { ActionButton, DateField, ErrorBar, Section, SheetsWritten } from '../components/common.js';
import { formatMoney, isIsoDate } from '../components/format.js';
import { useHost } from '../components/host-context.js';
import { useStyles } from '../components/styles.js';
import { useAction } from '../components/use-action.js';

/** A file input the pane's own button opens (the browser's control does not fit 300 px). */
const useLocal = makeStyles({
  hiddenInput: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    opacity: 0,
  },
  stack: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  /** A name that wraps beside its badge (the badge keeps its top-right place). */
  nameRow: { display: 'flex', columnGap: '8px', alignItems: 'flex-start' },
  badge: { flexShrink: 0, marginTop: '2px' },
  center: { alignItems: 'center' },
  fixed: { flexShrink: 0 },
});

/** What an export is, in words. */
const KIND: Record<string, string> = {
  transactions: 'transaction search',
  income_statement: 'income statement detail',
  deferred_waterfall: 'deferred revenue',
  revrec_forecast: 'revenue forecast',
  customers: 'customer list',
  unknown: 'not recognised',
  unreadable: 'not read',
};

/**
 * A picked file's text: UTF-8 (with or without BOM), else Windows-1252, which NetSuite exports in
 * too (File.text() would turn its accents into replacement marks).
 */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const exportName = (x: ReconcileExport) => (x.kind === 'file' ? x.name : x.sheet);

/** The exports chosen, each with its Remove button. */
function ChosenList({
  items,
  testId,
  onRemove,
}: {
  items: ReconcileExport[];
  testId: string;
  onRemove: (index: number) => void;
}) {
  const styles = useStyles();
  const local = useLocal();
  return (
    <ul className={styles.list} data-testid={testId}>
      {items.map((x, i) => (
        <li key={`${x.kind}:${exportName(x)}`} className={styles.card}>
          <div className={`${local.nameRow} ${local.center}`}>
            <div className={local.stack}>
              <Body1 className={styles.wrap}>{exportName(x)}</Body1>
              <Caption1 className={styles.muted}>
                {x.kind === 'file'
                  ? `file, ${x.text.length.toLocaleString('en-US')} characters read`
                  : 'sheet of this workbook'}
              </Caption1>
            </div>
            <Button
              appearance="subtle"
              size="small"
              className={local.fixed}
              aria-label={`Remove ${exportName(x)}`}
              data-testid="remove"
              onClick={() => onRemove(i)}
            >
              Remove
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A button opening a hidden file input (several files when `multiple`). */
function FilePicker({
  label,
  multiple,
  testId,
  onFiles,
}: {
  label: string;
  multiple: boolean;
  testId: string;
  onFiles: (files: File[]) => void;
}) {
  const local = useLocal();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance="secondary" onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept=".csv,.txt,text/csv"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        className={local.hiddenInput}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared, so the same file can be picked again after it was removed.
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}

/** A dropdown of the user's sheets; choosing one calls `onPick` and the dropdown clears again. */
function SheetPicker({
  sheets,
  placeholder,
  testId,
  onPick,
}: {
  sheets: { name: string }[];
  placeholder: string;
  testId: string;
  onPick: (sheet: string) => void;
}) {
  const styles = useStyles();
  return (
    <Dropdown
      className={styles.dropdown}
      placeholder={sheets.length ? placeholder : 'No sheets of yours found'}
      data-testid={testId}
      value=""
      selectedOptions={[]}
      onOptionSelect={(_, data) => {
        if (data.optionValue) onPick(data.optionValue);
      }}
    >
      {sheets.map((s) => (
        <Option key={s.name} value={s.name}>
          {s.name}
        </Option>
      ))}
    </Dropdown>
  );
}

/** One export as read: its kind and lines, its columns on demand. */
function ExportRead({ x }: { x: NonNullable<ReconcilePreview['exports']>[number] }) {
  const styles = useStyles();
  const local = useLocal();
  const namesOnly = x.kind === 'customers' || x.kind === 'revrec_forecast';
  const [open, setOpen] = useState(false);
  const read = x.columns.filter((c) => c.field).length;
  return (
    <li className={styles.card} data-testid="recon-export">
      <div className={local.nameRow}>
        <Body1 className={`${styles.grow} ${styles.wrap}`}>{x.label}</Body1>
        <Badge
          appearance="tint"
          size="small"
          className={local.badge}
          color={x.kind === 'unreadable' || x.kind === 'unknown' ? 'warning' : 'informative'}
        >
          {KIND[x.kind] ?? x.kind}
        </Badge>
      </div>
      <Caption1 className={styles.muted}>
        {x.lines.toLocaleString('en-US')} {namesOnly ? 'rows, names only' : 'lines with an amount'}; {read} of{' '}
        {x.columns.length} columns read
      </Caption1>
      {x.columns.length > 0 ? (
        <div className={styles.row}>
          <Button
            appearance="secondary"
            size="small"
            aria-expanded={open}
            data-testid="recon-toggle-columns"
            onClick={() => setOpen((v) => !v)}
          >
            {open ? 'Hide the columns' : 'Show the columns'}
          </Button>
        </div>
      ) : null}
      {open ? (
        <div className={styles.keyValue} data-testid="recon-columns">
          <Caption1 className={styles.muted}>Column</Caption1>
          <Caption1 className={styles.muted}>Read as</Caption1>
          {x.columns.map((c, i) => (
            <div key={`${c.header}-${i}`} style={{ display: 'contents' }}>
              <span className={styles.wrap}>{c.header || '(no header)'}</span>
              <span className={c.field ? styles.wrap : styles.muted}>{c.field ?? 'ignored'}</span>
            </div>
          ))}
        </div>
      ) : null}
    </li>
  );
}

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
  const local = useLocal();
  const [showConfident, setShowConfident] = useState(false);
  const [filter, setFilter] = useState('');
  // Unmatched names with amounts first, then the looser matches, then names listed without amounts
  // (a parent customer, a customer not invoiced yet: they change no figure), then the sure matches.
  const rank = (c: ReconcilePreview['customers'][number]) =>
    c.runrate === null ? (c.lines === false ? 2 : 0) : CONFIDENT.has(c.how) ? 3 : 1;
  const all = [...preview.customers].sort((a, b) => rank(a) - rank(b));
  const unmatched = all.filter((c) => rank(c) === 0).length;
  const nameOnly = all.filter((c) => rank(c) === 2).length;
  const confident = all.filter((c) => rank(c) === 3).length;
  const loose = all.length - unmatched - nameOnly - confident;
  const needle = filter.trim().toLowerCase();
  const visible = all.filter((c) =>
    needle
      ? c.netsuite.toLowerCase().includes(needle) || (map[c.netsuite] ?? '').toLowerCase().includes(needle)
      : showConfident || rank(c) < 3,
  );
  return (
    <Section title="Customers">
      <Body1 data-testid="recon-match-summary">
        {all.length.toLocaleString('en-US')} NetSuite customers: {confident.toLocaleString('en-US')} matched
        by name, id or mapping, {loose.toLocaleString('en-US')} by a looser rule to check,{' '}
        {unmatched.toLocaleString('en-US')} unmatched
        {nameOnly > 0
          ? `, ${nameOnly.toLocaleString('en-US')} listed with no amounts (unmatched, they change no figure)`
          : ''}
        .
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
            <div className={local.nameRow}>
              <Body1 className={`${styles.grow} ${styles.wrap}`}>{c.netsuite}</Body1>
              <Badge
                className={local.badge}
                appearance="tint"
                color={
                  c.runrate
                    ? CONFIDENT.has(c.how)
                      ? 'success'
                      : 'informative'
                    : c.lines === false
                      ? 'subtle'
                      : 'warning'
                }
                size="small"
              >
                {c.runrate ? (HOW[c.how] ?? c.how) : c.lines === false ? 'no amounts' : 'unmatched'}
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
  const [exports, setExports] = useState<ReconcileExport[]>([]);
  const [mapping, setMapping] = useState<ReconcileExport | null>(null);
  const [sheets, setSheets] = useState<{ name: string; kind: SheetKind }[]>([]);
  const [from, setFrom] = useState(() => (isIsoDate(asOf) ? `${asOf.slice(0, 4)}-01-01` : ''));
  const [to, setTo] = useState(asOf);
  const [result, setResult] = useState<ReconcilePreview | null>(null);
  const [map, setMap] = useState<Record<string, string>>({});
  const [run, setRun] = useState<ReconcileRun | null>(null);

  useEffect(() => {
    void sheetsAction.run(async () => setSheets((await host.listSheets()).filter((s) => s.kind === 'user')));
  }, [host]);

  /** A changed input makes the preview and the result stale. */
  const stale = () => {
    setResult(null);
    setRun(null);
  };
  /** Adds exports; one of the same name (file or sheet) is replaced, keeping its place. */
  const addExports = (added: ReconcileExport[]) => {
    stale();
    setExports((prev) => {
      const next = [...prev];
      for (const x of added) {
        const at = next.findIndex((y) => y.kind === x.kind && exportName(y) === exportName(x));
        if (at >= 0) next[at] = x;
        else next.push(x);
      }
      return next;
    });
  };
  const onExportFiles = (files: File[]) =>
    void readFile.run(async () => {
      const read: ReconcileExport[] = [];
      for (const f of files) read.push({ kind: 'file', name: f.name, text: await readText(f) });
      addExports(read);
    });
  const onMappingFile = (files: File[]) =>
    void readFile.run(async () => {
      stale();
      setMapping({ kind: 'file', name: files[0].name, text: await readText(files[0]) });
    });

  const setup = (): ReconcileSetup | null => (exports.length > 0 ? { exports, mapping, from, to } : null);
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

  const readExports = result?.exports ?? [];
  return (
    <div className={styles.panel} data-testid="reconcile-tab">
      <Section title="NetSuite exports">
        <Caption1 className={styles.muted}>
          Add every export of the period: a transaction search, an income statement detail, a deferred revenue
          waterfall, a customer list. Files are read here; nothing is uploaded.
        </Caption1>
        {exports.length > 0 ? (
          <ChosenList
            items={exports}
            testId="recon-exports"
            onRemove={(i) => {
              stale();
              setExports((prev) => prev.filter((_, j) => j !== i));
            }}
          />
        ) : (
          <Caption1 data-testid="recon-no-exports">No export added yet.</Caption1>
        )}
        <div className={styles.row}>
          <FilePicker label="Add export files" multiple testId="export-file" onFiles={onExportFiles} />
        </div>
        <Field label="Or add a sheet holding a pasted export">
          <SheetPicker
            sheets={sheets}
            placeholder="Choose a sheet"
            testId="export-sheet"
            onPick={(sheet) => addExports([{ kind: 'sheet', sheet }])}
          />
        </Field>
      </Section>

      <Section title="Customer mapping table">
        <Caption1 className={styles.muted}>
          Optional: contract customer, NetSuite name or id, for customers named differently in NetSuite.
        </Caption1>
        {mapping ? (
          <ChosenList
            items={[mapping]}
            testId="recon-mapping"
            onRemove={() => {
              stale();
              setMapping(null);
            }}
          />
        ) : (
          <>
            <div className={styles.row}>
              <FilePicker
                label="Choose a mapping file"
                multiple={false}
                testId="mapping-file"
                onFiles={onMappingFile}
              />
            </div>
            <SheetPicker
              sheets={sheets}
              placeholder="Or choose a sheet"
              testId="mapping-sheet"
              onPick={(sheet) => {
                stale();
                setMapping({ kind: 'sheet', sheet });
              }}
            />
          </>
        )}
        <ErrorBar error={readFile.error ?? sheetsAction.error} title="The file could not be read" />
      </Section>

      <Section title="Period">
        <DateField label="From" value={from} onChange={setFrom} testId="recon-from" />
        <DateField label="To" value={to} onChange={setTo} testId="recon-to" />
        <div className={styles.row}>
          <ActionButton busy={preview.busy} disabled={!ready} testId="recon-preview" onClick={onPreview}>
            Preview
          </ActionButton>
        </div>
        <ErrorBar error={preview.error} title="The exports could not be previewed" />
      </Section>

      {result ? (
        <>
          <Section title="Exports read">
            <ul className={styles.list} data-testid="recon-read">
              {readExports.map((x, i) => (
                <ExportRead key={`${x.label}-${i}`} x={x} />
              ))}
            </ul>
            {result.mapping ? (
              <Caption1 data-testid="recon-mapping-read">
                Mapping table {result.mapping.label}: {result.mapping.rows.toLocaleString('en-US')}{' '}
                {result.mapping.rows === 1 ? 'row' : 'rows'}, header included.
              </Caption1>
            ) : (
              <Caption1 className={styles.muted} data-testid="recon-mapping-read">
                No mapping table.
              </Caption1>
            )}
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
            Contract revenue against NetSuite GL revenue over the period; the sheet explains the variance by
            cause and lists the names left unmatched.
          </Caption1>
          <div className={styles.keyValue} data-testid="recon-result">
            <span>Variance</span>
            <strong>{formatMoney(run.varianceCents, currency)}</strong>
            <span>Unexplained</span>
            <strong>{formatMoney(run.unexplainedCents, currency)}</strong>
          </div>
          <SheetsWritten sheets={run.sheets} skipped={run.skipped} listTestId="recon-sheets" />
        </Section>
      ) : null}
    </div>
  );
}
