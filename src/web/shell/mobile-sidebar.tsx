import { Sheet, SheetContent, SheetDescription, SheetTitle } from '@web/ui/sheet';
import { Brand } from './brand';
import { SidebarNav } from './sidebar-nav';

interface MobileSidebarProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The navigation as a drawer on phone widths, opened from the top bar's menu button. */
export function MobileSidebar({ open, onOpenChange }: MobileSidebarProps) {
  const close = () => onOpenChange(false);
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent
        side="left"
        closeLabel="Close navigation"
        className="gap-0 bg-sidebar p-0 text-sidebar-foreground"
      >
        <SheetTitle className="sr-only">Navigation</SheetTitle>
        <SheetDescription className="sr-only">Pages of this Atrium dashboard</SheetDescription>
        <div className="flex h-14 items-center border-sidebar-border border-b px-3">
          <Brand />
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">
          <SidebarNav onNavigate={close} />
        </div>
      </SheetContent>
    </Sheet>
  );
}
