import { Can } from '@web/lib/access';
import { Button } from '@web/ui/button';
import { ConfirmDialog } from '@web/ui/confirm-dialog';
import { ArchiveIcon, ArchiveRestoreIcon, DownloadIcon, MergeIcon, PencilIcon } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { INTELLIGENCE_PERMISSIONS } from '../../../contract';
import { type Customer, customerReportUrl, useSetArchived } from '../../queries-customers';
import { EditCustomerDialog } from './edit-customer-dialog';
import { MergeCustomersDialog } from './merge-customers-dialog';

/** Edit, merge, archive or restore (for callers who may change customers), and the report downloads. */
export function CustomerActions({ customer }: { customer: Customer }) {
  const [dialog, setDialog] = useState<'edit' | 'merge' | 'archive' | null>(null);
  const archive = useSetArchived(customer.id);
  const merged = Boolean(customer.mergedIntoId);
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {!merged && (
        <Can permission={INTELLIGENCE_PERMISSIONS.customersWrite}>
          <Button variant="outline" onClick={() => setDialog('edit')}>
            <PencilIcon aria-hidden="true" />
            Edit details
          </Button>
          <Button variant="outline" onClick={() => setDialog('merge')}>
            <MergeIcon aria-hidden="true" />
            Merge duplicates
          </Button>
          {customer.archivedAt ? (
            <Button
              variant="outline"
              disabled={archive.isPending}
              onClick={() =>
                archive.mutate(false, {
                  onSuccess: () => toast.success('Customer restored'),
                  onError: () => toast.error('Could not restore the customer'),
                })
              }
            >
              <ArchiveRestoreIcon aria-hidden="true" />
              Unarchive
            </Button>
          ) : (
            <Button variant="outline" onClick={() => setDialog('archive')}>
              <ArchiveIcon aria-hidden="true" />
              Archive
            </Button>
          )}
        </Can>
      )}
      {(['pdf', 'csv'] as const).map((format) => (
        <Button key={format} variant="outline" asChild>
          <a href={customerReportUrl(customer.id, format)} download>
            <DownloadIcon aria-hidden="true" />
            Export {format.toUpperCase()}
          </a>
        </Button>
      ))}
      <EditCustomerDialog customer={customer} open={dialog === 'edit'} onOpenChange={close} />
      <MergeCustomersDialog customer={customer} open={dialog === 'merge'} onOpenChange={close} />
      <ConfirmDialog
        open={dialog === 'archive'}
        onOpenChange={(open) => {
          close(open);
          if (!open) archive.reset();
        }}
        title="Archive this customer?"
        description="It leaves the customer list (filter on Archived to find it) and keeps its transactions and analyses. You can restore it at any time."
        confirmLabel="Archive customer"
        pending={archive.isPending}
        error={archive.error}
        onConfirm={() =>
          archive.mutate(true, {
            onSuccess: () => {
              toast.success('Customer archived');
              setDialog(null);
            },
          })
        }
      />
    </div>
  );
}
