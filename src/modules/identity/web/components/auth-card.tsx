import { Card, CardContent, CardDescription, CardHeader } from '@web/ui/card';
import type { ReactNode } from 'react';

interface AuthCardProps {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** Links below the card (sign up instead, back to sign in, …). */
  footer?: ReactNode;
}

/** The one card a signed-out page shows; its title is the page's heading. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader>
          <h1 className="font-semibold text-xl tracking-tight">{title}</h1>
          {description && <CardDescription>{description}</CardDescription>}
        </CardHeader>
        {children && <CardContent className="flex flex-col gap-4">{children}</CardContent>}
      </Card>
      {footer && <div className="flex flex-col items-center gap-1 text-center text-sm">{footer}</div>}
    </div>
  );
}
