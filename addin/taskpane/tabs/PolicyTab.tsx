/**
 * Policy: every policy key as a form control with its one-line help and its default; Save writes
 * the `RR Policy` sheet through the host. Shows the version, the hash every report carries, the
 * change log and whether the policy came from the sheet.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
} from '@fluentui/react-components';
import type { PolicyField, PolicyState } from '../../shared/host.js';
import { ActionButton, ErrorBar, Section } from '../components/common.js';
import { useHost } from '../components/host-context.js';
import { useStyles } from '../components/styles.js';
import { useAction } from '../components/use-action.js';

/** `renewalGraceDays` -> `Renewal grace days`; `fx` -> `FX`. */
export function keyLabel(key: string): string {
  const special: Record<string, string> = {
    fx: 'FX',
    glRevenueAccounts: 'GL revenue accounts',
    netsuiteDateFormat: 'NetSuite date format',
    reconTolerancePct: 'Reconciliation tolerance (%)',
    multiYear: 'Multi-year contracts',
    rollupToParent: 'Roll up to parent',
  };
  if (special[key]) return special[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valuesOf(state: PolicyState): Record<string, string> {
  return Object.fromEntries(state.fields.map((f) => [f.key, f.value]));
}

function PolicyControl({
  field,
  value,
  saved,
  onChange,
}: {
  field: PolicyField;
  value: string;
  saved: string;
  onChange: (value: string) => void;
}) {
  const styles = useStyles();
  const hint = (
    <>
      {field.help}{' '}
      <span className={styles.muted}>
        Default: <strong>{field.default === '' ? '(blank)' : field.default}</strong>
        {value !== saved ? ' · not saved yet' : ''}
      </span>
    </>
  );
  const testId = `policy-${field.key}`;
  if (field.kind === 'enum' && field.choices && field.choices.length > 0) {
    return (
      <Field label={keyLabel(field.key)} hint={hint}>
        <Dropdown
          className={styles.dropdown}
          value={value}
          selectedOptions={[value]}
          data-testid={testId}
          onOptionSelect={(_, data) => data.optionValue !== undefined && onChange(data.optionValue)}
        >
          {field.choices.map((choice) => (
            <Option key={choice} value={choice}>
              {choice}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  }
  const notNumber = field.kind === 'number' && value.trim() !== '' && !Number.isFinite(Number(value.trim()));
  return (
    <Field
      label={keyLabel(field.key)}
      hint={hint}
      validationState={notNumber ? 'error' : 'none'}
      validationMessage={notNumber ? `Enter a number (default ${field.default}).` : undefined}
    >
      <Input
        className={styles.fullWidth}
        value={value}
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
        data-testid={testId}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

/** `state` is loaded and held by the App (other tabs show the reporting currency). */
export function PolicyTab({
  state,
  loading,
  loadError,
  onState,
}: {
  state: PolicyState | null;
  loading: boolean;
  loadError: string | null;
  onState: (state: PolicyState) => void;
}) {
  const styles = useStyles();
  const host = useHost();
  const save = useAction();
  const [values, setValues] = useState<Record<string, string>>(() => (state ? valuesOf(state) : {}));
  const [changed, setChanged] = useState<string[] | null>(null);

  // A policy loaded (or reloaded) by the App resets the form to it.
  useEffect(() => {
    if (state) setValues(valuesOf(state));
  }, [state]);

  const saved = useMemo(() => (state ? valuesOf(state) : {}), [state]);
  const edited = state ? state.fields.filter((f) => values[f.key] !== f.value).length : 0;
  const dirty = edited > 0;

  const onSave = () =>
    void save.run(async () => {
      const result = await host.savePolicy(values);
      onState(result.state);
      setChanged(result.changed);
    });

  if (!state) {
    return (
      <div className={styles.panel}>
        {loading ? <Spinner label="Reading the policy..." /> : null}
        <ErrorBar error={loadError} title="The policy could not be read" />
      </div>
    );
  }

  return (
    <div className={styles.panel} data-testid="policy-tab">
      <div className={styles.card} data-testid="policy-status">
        <div className={styles.row}>
          <Body1>
            Version <strong data-testid="policy-status-version">{state.version}</strong>
          </Body1>
          <Badge appearance="tint" color={state.fromSheet ? 'success' : 'informative'}>
            {state.fromSheet ? 'from the RR Policy sheet' : 'defaults (not saved yet)'}
          </Badge>
        </div>
        <Caption1 className={styles.mono} data-testid="policy-hash">
          Hash {state.hash}
        </Caption1>
      </div>

      {state.fields.map((field) => (
        <PolicyControl
          key={field.key}
          field={field}
          value={values[field.key] ?? ''}
          saved={saved[field.key] ?? ''}
          onChange={(value) => setValues((prev) => ({ ...prev, [field.key]: value }))}
        />
      ))}

      <div className={styles.stickyBar}>
        <ActionButton busy={save.busy} disabled={!dirty} onClick={onSave} testId="policy-save">
          Save policy
        </ActionButton>
        <ActionButton
          appearance="secondary"
          busy={false}
          disabled={!dirty || save.busy}
          onClick={() => setValues(saved)}
        >
          Undo edits
        </ActionButton>
        {dirty ? (
          <Caption1 className={styles.muted} style={{ alignSelf: 'center' }}>
            {edited === 1 ? '1 value not saved' : `${edited} values not saved`}
          </Caption1>
        ) : null}
      </div>
      <ErrorBar error={save.error} title="The policy was not saved" />
      {changed !== null && !save.error ? (
        <MessageBar intent="success" layout="multiline" data-testid="policy-saved">
          <MessageBarBody>
            {changed.length === 0
              ? 'Saved; no value changed.'
              : `Saved: ${changed.map(keyLabel).join(', ')} changed.`}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {state.document.length > 0 ? (
        <Accordion collapsible>
          <AccordionItem value="document">
            <AccordionHeader size="small">
              The policy in words ({state.document.length} paragraphs)
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.section} data-testid="policy-document">
                {state.document.map((paragraph, i) => (
                  <Body1 key={i} as="p" className={styles.wrap} style={{ margin: 0 }}>
                    {paragraph}
                  </Body1>
                ))}
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}

      <Section title="Change log">
        {state.changeLog.length === 0 ? (
          <Caption1 className={styles.muted}>No changes recorded yet.</Caption1>
        ) : (
          <ul className={styles.list} data-testid="policy-changelog">
            {[...state.changeLog].reverse().map((c, i) => (
              <li key={`${c.when}-${c.key}-${i}`} className={styles.card}>
                <Caption1 className={styles.muted}>
                  {c.when.replace('T', ' ').slice(0, 19)}
                  {c.who ? ` · ${c.who}` : ''}
                </Caption1>
                <Body1 className={styles.wrap}>
                  {keyLabel(c.key)}: {c.from === '' ? '(blank)' : c.from} → {c.to === '' ? '(blank)' : c.to}
                </Body1>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
