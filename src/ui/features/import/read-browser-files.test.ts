/**
 * A dropped folder is read as every file under it, with its folders in the paths (as `cli import`
 * walks a folder), through the File and Directory Entries API the browser hands a drop.
 */
import { describe, expect, it } from 'vitest';
import { readDrop } from './read-browser-files.ts';

type Entry = {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  file?: (ok: (f: File) => void) => void;
  createReader?: () => { readEntries: (ok: (batch: Entry[]) => void) => void };
};

const file = (name: string, text: string): Entry => ({
  name,
  isFile: true,
  isDirectory: false,
  file: (ok) => ok(new File([text], name)),
});
/** A folder whose reader hands out its entries two at a time, then an empty batch, as browsers do. */
const folder = (name: string, children: Entry[]): Entry => ({
  name,
  isFile: false,
  isDirectory: true,
  createReader: () => {
    let next = 0;
    return {
      readEntries: (ok) => {
        ok(children.slice(next, next + 2));
        next += 2;
      },
    };
  },
});
const drop = (...entries: Entry[]) =>
  ({
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
    files: [],
    getData: () => '',
  }) as unknown as DataTransfer;

describe('readDrop', () => {
  it('reads every file under a dropped folder, in name order, skipping .terraform and .git', async () => {
    const read = await readDrop(
      drop(
        folder('bundle', [
          file('README.md', '# bundle'),
          folder('ecs', [
            folder('terraform', [file('variables.tf', 'variable "a" {}'), file('main.tf', 'locals {}')]),
            folder('.terraform', [file('plugin.tf', 'x')]),
          ]),
          folder('.git', [file('HEAD', 'ref')]),
        ]),
      ),
    );
    expect(read).toEqual({
      ok: true,
      sources: [
        { path: 'bundle/README.md', text: '# bundle' },
        { path: 'bundle/ecs/terraform/main.tf', text: 'locals {}' },
        { path: 'bundle/ecs/terraform/variables.tf', text: 'variable "a" {}' },
      ],
    });
  });

  it('refuses a folder with more files than an import takes, before reading them', async () => {
    const many = Array.from({ length: 2001 }, (_, i) => file(`f${String(i).padStart(4, '0')}.yaml`, 'a: 1'));
    const read = await readDrop(drop(folder('big', many)));
    expect(read).toEqual({ ok: false, problem: 'more than 2000 files: at most 2000 are imported' });
  });
});
