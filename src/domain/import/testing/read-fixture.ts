/** Test helper: the importer's fixture files (realistic inputs written for the tests) as import sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNote, type ImportNote } from '../import-types.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

export const fixture = (name: string): { path: string; text: string } => ({
  path: name,
  text: readFileSync(join(FIXTURES, name), 'utf8'),
});

export const fixturePath = (name: string): string => join(FIXTURES, name);

/** The notes as the CLI prints them, one string each. */
export const noteLines = (notes: readonly ImportNote[]): string[] => notes.map(formatNote);
