import { Card, CardContent, CardHeader, CardTitle } from '@web/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import type { SystemInfo } from '../queries';

export function ModulesTable({ modules }: { modules: SystemInfo['modules'] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle id="enabled-modules">Enabled modules</CardTitle>
      </CardHeader>
      <CardContent>
        <Table aria-labelledby="enabled-modules">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">ID</TableHead>
              <TableHead scope="col">Title</TableHead>
              <TableHead scope="col">Description</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {modules.map((module) => (
              <TableRow key={module.id}>
                <TableCell className="font-mono text-xs">{module.id}</TableCell>
                <TableCell className="whitespace-nowrap font-medium">{module.title}</TableCell>
                <TableCell className="text-muted-foreground">{module.description}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
