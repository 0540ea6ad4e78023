/**
 * Small pieces every tab uses: the host error bar, the as-of date field, a busy-aware button, the
 * list of sheets an action wrote.
 */
import type { ReactNode } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
} from '@fluentui/react-components';
import { isIsoDate } from './format.js';
import { useStyles } from './styles.js';

/** The host's message as it came (it names the row and column), in a MessageBar. */
export function ErrorBar({ error, title = 'That did not work' }: { error: string | null; title?: string }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div data-testid="error-message">{error}</div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** An ISO date input (yyyy-mm-dd); the browser's date picker where it has one. */
export function DateField({
  label,
  value,
  onChange,
  hint,
  testId,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  hint?: string;
  testId?: string;
}) {
  const styles = useStyles();
  const invalid = value !== '' && !isIsoDate(value);
  return (
    <Field
      label={label}
      hint={hint}
      validationState={invalid ? 'error' : 'none'}
      validationMessage={invalid ? 'Use a date written yyyy-mm-dd.' : undefined}
    >
      <Input
        type="date"
        value={value}
        className={styles.fullWidth}
        data-testid={testId}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

/** A button that shows a spinner and is disabled while its action runs. */
export function ActionButton({
  busy,
  disabled,
  onClick,
  children,
  appearance = 'primary',
  testId,
}: {
  busy: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
  appearance?: 'primary' | 'secondary' | 'subtle';
  testId?: string;
}) {
  return (
    <Button
      appearance={appearance}
      disabled={busy || disabled}
      onClick={onClick}
      data-testid={testId}
      icon={busy ? <Spinner size="tiny" /> : undefined}
    >
      {children}
    </Button>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {children}
    </section>
  );
}

/**
 * The sheets an action wrote, with their rows, and a warning naming those it did not write because
 * a sheet of the user's has the name (never touched).
 */
export function SheetsWritten({
  sheets,
  skipped,
  listTestId,
  skippedTestId,
}: {
  sheets: { name: string; rows: number }[];
  skipped: string[];
  listTestId: string;
  skippedTestId?: string;
}) {
  const styles = useStyles();
  return (
    <>
      <ul className={styles.list} data-testid={listTestId}>
        {sheets.map((s) => (
          <li key={s.name} className={styles.row}>
            <Body1 className={styles.grow}>{s.name}</Body1>
            <Caption1 className={styles.muted}>{s.rows.toLocaleString('en-US')} rows</Caption1>
          </li>
        ))}
      </ul>
      {skipped.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid={skippedTestId}>
          <MessageBarBody>
            Not written, because a sheet of yours has the name: {skipped.join(', ')}. Your sheets were not
            touched; rename them to get these sheets.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
