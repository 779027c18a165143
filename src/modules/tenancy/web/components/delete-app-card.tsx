import { useNavigate } from '@tanstack/react-router';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { ConfirmDialog } from '@web/ui/confirm-dialog';
import { Trash2Icon } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { type App, useDeleteApp } from '../queries';

export function DeleteAppCard({ app }: { app: App }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteApp();
  const navigate = useNavigate();
  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle>Delete app</CardTitle>
        <CardDescription>
          Removes the app for good. Its keys and webhooks stop working once their modules are in use.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button variant="destructive" onClick={() => setConfirming(true)}>
          <Trash2Icon aria-hidden="true" />
          Delete app
        </Button>
      </CardContent>
      {confirming && (
        <ConfirmDialog
          open
          onOpenChange={(open) => {
            setConfirming(open);
            if (!open) remove.reset();
          }}
          title={`Delete ${app.name}?`}
          description="This cannot be undone. The deletion is recorded in the audit trail."
          confirmLabel="Delete app"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(app.id, {
              onSuccess: () => {
                toast.success('App deleted', { description: app.name });
                void navigate({ to: '/tenancy/apps' });
              },
            })
          }
        />
      )}
    </Card>
  );
}
