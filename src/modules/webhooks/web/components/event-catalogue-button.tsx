import { Link } from '@tanstack/react-router';
import { Button } from '@web/ui/button';
import { BookOpenIcon } from 'lucide-react';

/** Opens the event catalogue: what an endpoint can subscribe to. */
export function EventCatalogueButton() {
  return (
    <Button variant="outline" asChild>
      <Link to="/webhooks/event-types">
        <BookOpenIcon aria-hidden="true" />
        Event catalogue
      </Link>
    </Button>
  );
}
