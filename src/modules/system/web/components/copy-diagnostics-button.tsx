import { Button } from '@web/ui/button';
import { ClipboardCopy } from 'lucide-react';
import { toast } from 'sonner';
import type { SystemInfo } from '../queries';

/**
 * Copies the instance description as JSON, the first thing support asks for. Clipboard access can
 * be refused (insecure origin, permissions), so both outcomes are told with a toast.
 */
export function CopyDiagnosticsButton({ info }: { info: SystemInfo }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(info, null, 2));
      toast.success('System details copied', { description: 'Paste them into your support request.' });
    } catch {
      toast.error('Could not copy', { description: 'The browser refused access to the clipboard.' });
    }
  };
  return (
    <Button variant="outline" onClick={copy}>
      <ClipboardCopy aria-hidden="true" />
      Copy details
    </Button>
  );
}
