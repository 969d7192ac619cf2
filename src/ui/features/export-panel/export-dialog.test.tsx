// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { unzipSync, strFromU8 } from 'fflate';
import ExportDialog, { fileSize } from './export-dialog.tsx';
import { ARTICLE_SCENARIO, exportInputFor } from '../../../domain/export/testing/export-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderDialog(optionId: 'ecs-fargate' | 'eks-ec2' = 'ecs-fargate', scenario = ARTICLE_SCENARIO) {
  const input = exportInputFor(scenario, optionId);
  const onClose = vi.fn();
  const opener = document.createElement('button');
  opener.textContent = 'Export';
  document.body.append(opener);
  opener.focus();
  const view = render(
    <ExportDialog
      optionId={optionId}
      scenario={input.scenario}
      estimate={input.estimate}
      shareUrl="http://127.0.0.1:4173/#s=1.x"
      onClose={onClose}
    />,
  );
  return { ...view, onClose, opener };
}

describe('ExportDialog', () => {
  it('is a labelled modal dialog listing every file, previewing the selected one', () => {
    renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Export ECS on Fargate configuration' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const list = screen.getByRole('list', { name: 'Bundle files' });
    const names = [...list.querySelectorAll('li > button:first-child')].map((b) => b.textContent);
    expect(names).toEqual([
      'README.md',
      'ecs/task-definitions/api-service.json',
      'ecs/terraform/versions.tf',
      'ecs/terraform/variables.tf',
      'ecs/terraform/main.tf',
      'ecs/terraform/outputs.tf',
      'scenario.json',
    ]);
    expect(screen.getByRole('region', { name: 'Contents of README.md' }).textContent).toContain(
      '# ECS on Fargate: 1 service in us-east-1',
    );
    fireEvent.click(screen.getByRole('button', { name: 'ecs/terraform/main.tf' }));
    expect(screen.getByRole('region', { name: 'Contents of ecs/terraform/main.tf' }).textContent).toContain(
      'resource "aws_ecs_service" "api_service"',
    );
    expect(screen.getByRole('button', { name: 'ecs/terraform/main.tf' }).getAttribute('aria-current')).toBe('true');
  });

  it('moves focus in, traps Tab, closes on Escape and returns focus to the opener', () => {
    const { onClose, opener, unmount } = renderDialog();
    const close = screen.getByRole('button', { name: 'Close export dialog' });
    expect(document.activeElement).toBe(close);
    const download = screen.getByRole('button', { name: 'Download .zip' });
    download.focus();
    fireEvent.keyDown(download, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(download);
    fireEvent.keyDown(download, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
    expect(document.activeElement).toBe(opener);
  });

  it('copies a file to the clipboard and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Copy scenario.json' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied scenario.json'));
    expect(JSON.parse(writeText.mock.calls[0]![0] as string).services[0].name).toBe('api-service');
  });

  it('downloads the bundle as <option>-bundle.zip', async () => {
    let blob: Blob | undefined;
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (b: Blob) => {
          blob = b;
          return 'blob:bundle';
        },
        revokeObjectURL: vi.fn(),
      }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('eks-ec2-bundle.zip');
      expect(this.href).toBe('blob:bundle');
    });
    renderDialog('eks-ec2');
    fireEvent.click(screen.getByRole('button', { name: 'Download .zip' }));
    expect(click).toHaveBeenCalledTimes(1);
    const entries = unzipSync(new Uint8Array(await blob!.arrayBuffer()));
    expect(Object.keys(entries)).toContain('eks/cluster/eksctl.yaml');
    expect(strFromU8(entries['scenario.json']!)).toContain('"api-service"');
    expect(screen.getByRole('status').textContent).toBe('Downloaded eks-ec2-bundle.zip');
  });

  it('shows why an option cannot be exported instead of files', () => {
    const decomposed = {
      ...ARTICLE_SCENARIO,
      services: [{ ...ARTICLE_SCENARIO.services[0]!, environment: { NAME: 'Rene\u0301' } }],
    };
    renderDialog('ecs-fargate', decomposed);
    expect(screen.getByRole('alert').textContent).toMatch(
      /services\[0\]\.environment\.NAME: is not in Unicode normalization form C/,
    );
    expect((screen.getByRole('button', { name: 'Download .zip' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says a part-month service needs a schedule to be exported, naming both fields', () => {
    const partMonth = { ...ARTICLE_SCENARIO, services: [{ ...ARTICLE_SCENARIO.services[0]!, hoursPerMonth: 100 }] };
    for (const optionId of ['ecs-fargate', 'eks-ec2'] as const) {
      renderDialog(optionId, partMonth);
      const alert = screen.getByRole('alert').textContent!;
      expect(alert).toContain('services[0].hoursPerMonth: "api-service" is priced for 100 h of the 730 h month');
      expect(alert).toContain('add a weekly or cron schedule to services[0].schedule');
      expect((screen.getByRole('button', { name: 'Download .zip' }) as HTMLButtonElement).disabled).toBe(true);
      cleanup();
    }
  });
});

describe('file list', () => {
  it('gives each file its size in UTF-8 bytes and a download of its own', async () => {
    expect(fileSize('abc')).toBe('3 B');
    expect(fileSize('é'.repeat(1024))).toBe('2.0 KiB');
    let blob: Blob | undefined;
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (b: Blob) => {
          blob = b;
          return 'blob:file';
        },
        revokeObjectURL: vi.fn(),
      }),
    );
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderDialog();
    const row = screen.getByRole('button', { name: 'scenario.json' }).closest('li')!;
    expect(row.textContent).toMatch(/\d+(\.\d)? (B|KiB)/);
    fireEvent.click(screen.getByRole('button', { name: 'Download ecs/terraform/main.tf' }));
    expect(names).toEqual(['main.tf']);
    expect(await blob!.text()).toContain('resource "aws_ecs_service" "api_service"');
    expect(screen.getByRole('status').textContent).toBe('Downloaded main.tf');
  });
});
