import { Input, NativeSelect } from '@web/ui/input';
import { SearchIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { AppEnvironment, AppFilters, Project } from '../queries';
import { ENVIRONMENTS, environmentLabel } from './environment-badge';

interface AppFiltersBarProps {
  filters: AppFilters;
  projects: Project[];
  onChange: (filters: AppFilters) => void;
}

const SEARCH_DELAY_MS = 250;

/** Search, project and environment filters; they live in the URL, so a filtered list can be shared. */
export function AppFiltersBar({ filters, projects, onChange }: AppFiltersBarProps) {
  const [search, setSearch] = useState(filters.q ?? '');
  const [shownQ, setShownQ] = useState(filters.q);
  // The URL can change under the box (back button, "clear filters"): follow it, during render.
  if (filters.q !== shownQ) {
    setShownQ(filters.q);
    if ((filters.q ?? '') !== search.trim()) setSearch(filters.q ?? '');
  }

  // Typing updates the URL once the user pauses, not on every key.
  useEffect(() => {
    const next = search.trim() || undefined;
    if (next === filters.q) return;
    const timer = window.setTimeout(() => onChange({ ...filters, q: next }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, filters, onChange]);

  return (
    <search className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="relative sm:max-w-xs sm:flex-1">
        <SearchIcon
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden="true"
        />
        <Input
          type="search"
          aria-label="Search apps by name"
          placeholder="Search apps…"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="pl-8"
        />
      </div>
      <NativeSelect
        aria-label="Project"
        value={filters.projectId ?? ''}
        onChange={(event) => onChange({ ...filters, projectId: event.target.value || undefined })}
        className="sm:w-52"
      >
        <option value="">All projects</option>
        {projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="Environment"
        value={filters.environment ?? ''}
        onChange={(event) =>
          onChange({
            ...filters,
            environment: (event.target.value || undefined) as AppEnvironment | undefined,
          })
        }
        className="sm:w-44"
      >
        <option value="">All environments</option>
        {ENVIRONMENTS.map((environment) => (
          <option key={environment} value={environment}>
            {environmentLabel(environment)}
          </option>
        ))}
      </NativeSelect>
    </search>
  );
}
