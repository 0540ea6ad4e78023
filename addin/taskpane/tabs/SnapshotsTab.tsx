/**
 * Snapshots: lock the figures as of a date into a protected sheet, list the snapshots with their
 * totals, verify one (intact or altered, with what differs), and show how today's data restates it.
 */
import { useEffect, useState } from 'react';
import { Badge, Body1, Caption1, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { RestatementView, SnapshotInfo, SnapshotVerification } from '../../shared/host.js';
import { ActionButton, DateField, ErrorBar, Section } from '../components/common.js';
import { formatMoney } from '../components/format.js';
import { useHost } from '../components/host-context.js';
import { useStyles } from '../components/styles.js';
import { useAction } from '../components/use-action.js';

const STATUS_COLOR = { intact: 'success', altered: 'danger', unreadable: 'warning' } as const;

/** A discrepancy as one line; the row and column are added only when the message does not name them. */
export function discrepancyText(d: SnapshotVerification['discrepancies'][number]): string {
  const where = [d.row !== undefined ? `row ${d.row}` : '', d.column ?? ''].filter(Boolean).join(', ');
  const named = d.row === undefined || d.message.toLowerCase().includes(`row ${d.row}`);
  return named || !where ? d.message : `${where}: ${d.message}`;
}

function Restatement({ view, currency }: { view: RestatementView; currency: string }) {
  const styles = useStyles();
  const delta = view.todayCents - view.snapshotCents;
  return (
    <div className={styles.section} data-testid="restatement">
      <div className={styles.keyValue}>
        <span>Snapshot ARR</span>
        <span>{formatMoney(view.snapshotCents, currency)}</span>
        <span>Today&apos;s ARR</span>
        <span>{formatMoney(view.todayCents, currency)}</span>
        <span>Restated by</span>
        <strong>{formatMoney(delta, currency)}</strong>
      </div>
      {view.lines.length === 0 ? (
        <Caption1 className={styles.muted}>
          Today&apos;s data gives the same figures: nothing restated.
        </Caption1>
      ) : (
        <ul className={styles.list}>
          {view.lines.map((l, i) => (
            <li key={`${l.customer}-${i}`} className={styles.card}>
              <Body1 className={styles.wrap}>
                <strong>{l.customer}</strong> · {l.cause}
              </Body1>
              <Caption1>
                {formatMoney(l.beforeCents, currency)} → {formatMoney(l.afterCents, currency)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SnapshotCard({ snapshot }: { snapshot: SnapshotInfo }) {
  const host = useHost();
  const styles = useStyles();
  const verify = useAction();
  const restate = useAction();
  const [verification, setVerification] = useState<SnapshotVerification | null>(null);
  const [view, setView] = useState<RestatementView | null>(null);
  return (
    <li className={styles.card} data-testid={`snapshot-${snapshot.sheet}`}>
      <div className={styles.row}>
        <Body1 className={styles.grow}>
          <strong>{snapshot.asOf}</strong> <span className={styles.muted}>({snapshot.sheet})</span>
        </Body1>
        {verification ? (
          <Badge appearance="filled" color={STATUS_COLOR[verification.status]} data-testid="verify-status">
            {verification.status}
          </Badge>
        ) : null}
      </div>
      <div className={styles.keyValue}>
        <span>ARR</span>
        <strong data-testid="snapshot-total">{formatMoney(snapshot.totalCents, snapshot.currency)}</strong>
        <span>Lines</span>
        <span>{snapshot.lines.toLocaleString('en-US')}</span>
        <span>Policy</span>
        <span className={styles.wrap}>
          {snapshot.policyVersion} <span className={styles.mono}>{snapshot.policyHash.slice(0, 12)}</span>
        </span>
        <span>Locked</span>
        <span>{snapshot.createdAt.replace('T', ' ').slice(0, 16)}</span>
      </div>
      <div className={styles.row}>
        <ActionButton
          appearance="secondary"
          busy={verify.busy}
          testId="verify"
          onClick={() =>
            void verify.run(async () => setVerification(await host.verifySnapshot(snapshot.sheet)))
          }
        >
          Verify
        </ActionButton>
        <ActionButton
          appearance="secondary"
          busy={restate.busy}
          testId="restate"
          onClick={() => void restate.run(async () => setView(await host.restatement(snapshot.sheet)))}
        >
          Compare with today
        </ActionButton>
      </div>
      <ErrorBar error={verify.error} title="Verification failed" />
      <ErrorBar error={restate.error} title="The restatement could not be computed" />
      {verification && verification.discrepancies.length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <ul className={styles.list} data-testid="discrepancies">
              {verification.discrepancies.map((d, i) => (
                <li key={i} className={styles.wrap}>
                  {discrepancyText(d)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {verification && verification.status === 'intact' ? (
        <Caption1>Every value and the seal match what was locked.</Caption1>
      ) : null}
      {view ? <Restatement view={view} currency={snapshot.currency} /> : null}
    </li>
  );
}

export function SnapshotsTab({ asOf, onAsOf }: { asOf: string; onAsOf: (iso: string) => void }) {
  const host = useHost();
  const styles = useStyles();
  const list = useAction();
  const lock = useAction();
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [locked, setLocked] = useState<SnapshotInfo | null>(null);

  const refresh = () => list.run(async () => setSnapshots(await host.listSnapshots()));
  useEffect(() => {
    void refresh();
  }, [host]);

  return (
    <div className={styles.panel} data-testid="snapshots-tab">
      <Section title="Lock a snapshot">
        <Caption1 className={styles.muted}>
          Writes the figures as of the date into a protected sheet with the hashes of the policy and the data,
          so a later change shows up when the snapshot is verified.
        </Caption1>
        <DateField label="As of" value={asOf} onChange={onAsOf} testId="snapshot-asof" />
        <div className={styles.row}>
          <ActionButton
            busy={lock.busy}
            testId="lock-snapshot"
            onClick={() =>
              void lock.run(async () => {
                const info = await host.lockSnapshot(asOf);
                setLocked(info);
                await refresh();
              })
            }
          >
            Lock snapshot
          </ActionButton>
        </div>
        <ErrorBar error={lock.error} title="No snapshot was locked" />
        {locked && !lock.error ? (
          <Caption1 data-testid="locked">
            Locked {locked.sheet}: {formatMoney(locked.totalCents, locked.currency)}.
          </Caption1>
        ) : null}
      </Section>
      <Section title="Snapshots">
        {list.busy && !snapshots ? <Spinner size="small" label="Reading snapshots..." /> : null}
        <ErrorBar error={list.error} title="The snapshots could not be listed" />
        {snapshots && snapshots.length === 0 ? (
          <Caption1 className={styles.muted}>No snapshot locked yet.</Caption1>
        ) : null}
        {snapshots && snapshots.length > 0 ? (
          <ul className={styles.list} data-testid="snapshot-list">
            {snapshots.map((s) => (
              <SnapshotCard key={s.sheet} snapshot={s} />
            ))}
          </ul>
        ) : null}
      </Section>
    </div>
  );
}
