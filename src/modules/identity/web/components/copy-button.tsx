import { Button } from '@web/ui/button';
import { ClipboardCopy } from 'lucide-react';
import { toast } from 'sonner';

/** Copies text; clipboard access can be refused, so both outcomes are told with a toast. */
export function CopyButton({ text, label, copied }: { text: string; label: string; copied: string }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(copied);
    } catch {
      toast.error('Could not copy', { description: 'The browser refused access to the clipboard.' });
    }
  };
  return (
    <Button variant="outline" size="sm" onClick={copy}>
      <ClipboardCopy aria-hidden="true" />
      {label}
    </Button>
  );
}
