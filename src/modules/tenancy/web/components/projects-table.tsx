import { Link } from '@tanstack/react-router';
import { Can } from '@web/lib/access';
import { formatDateTime, formatRelativeTime, useNow } from '@web/lib/time';
import { Button } from '@web/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@web/ui/dropdown-menu';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { EllipsisIcon, PencilIcon, Trash2Icon } from 'lucide-react';
import { can } from '../permissions';
import type { Project } from '../queries';

interface ProjectsTableProps {
  projects: Project[];
  onEdit: (project: Project) => void;
  onDelete: (project: Project) => void;
}

export function ProjectsTable({ projects, onEdit, onDelete }: ProjectsTableProps) {
  const now = useNow(60_000);
  return (
    <div className="rounded-xl border">
      <Table aria-label="Projects">
        <TableHeader>
          <TableRow>
            <TableHead scope="col" className="pl-4">
              Name
            </TableHead>
            <TableHead scope="col" className="text-right">
              Apps
            </TableHead>
            <TableHead scope="col">Created</TableHead>
            <TableHead scope="col" className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {projects.map((project) => (
            <TableRow key={project.id}>
              <TableCell className="min-w-48 py-3 pl-4">
                <div className="font-medium">{project.name}</div>
                {project.description && (
                  <div className="line-clamp-1 max-w-xl text-muted-foreground text-xs">
                    {project.description}
                  </div>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <Link
                  to="/tenancy/apps"
                  search={{ projectId: project.id }}
                  className="rounded-sm underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  aria-label={`${project.appCount} apps in ${project.name}`}
                >
                  {project.appCount}
                </Link>
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                <time dateTime={project.createdAt} title={formatDateTime(new Date(project.createdAt))}>
                  {formatRelativeTime(new Date(project.createdAt), now)}
                </time>
              </TableCell>
              <TableCell className="pr-3 text-right">
                <Can permission={can.writeProjects}>
                  <DropdownMenu>
                    <DropdownMenuTrigger asChild>
                      <Button variant="ghost" size="icon" aria-label={`Actions for ${project.name}`}>
                        <EllipsisIcon aria-hidden="true" />
                      </Button>
                    </DropdownMenuTrigger>
                    <DropdownMenuContent align="end">
                      <DropdownMenuItem onSelect={() => onEdit(project)}>
                        <PencilIcon aria-hidden="true" />
                        Edit
                      </DropdownMenuItem>
                      <DropdownMenuItem variant="destructive" onSelect={() => onDelete(project)}>
                        <Trash2Icon aria-hidden="true" />
                        Delete
                      </DropdownMenuItem>
                    </DropdownMenuContent>
                  </DropdownMenu>
                </Can>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
