import { Button } from '@web/ui/button';
import { DownloadIcon } from 'lucide-react';
import { type AuditSearch, auditExportUrl } from '../queries';

/** Downloads of the events the current filters select; the server streams the file. */
export function ExportButtons({ search }: { search: AuditSearch }) {
  return (
    <>
      <Button variant="outline" asChild>
        <a href={auditExportUrl(search, 'csv')} download>
          <DownloadIcon aria-hidden="true" />
          Export CSV
        </a>
      </Button>
      <Button variant="outline" asChild>
        <a href={auditExportUrl(search, 'json')} download>
          <DownloadIcon aria-hidden="true" />
          Export JSON
        </a>
      </Button>
    </>
  );
}
