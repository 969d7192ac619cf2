import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { replaceScenario, useAppStore } from '../../../state/app-store.ts';
import {
  deleteSavedScenario,
  loadSavedScenarios,
  removeUnreadableSaved,
  saveNamedScenario,
  setCompared,
} from '../../../state/saved-scenarios.ts';
import { MAX_SAVED_NAME_CHARS, MAX_SAVED_SCENARIOS } from '../../../domain/saved/saved-scenarios.ts';
import { nameFromFileName, readScenarioFile, scenarioFileText } from '../../../domain/saved/scenario-file.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { downloadFile } from '../../lib/download-file.ts';

// The comparison estimates several scenarios: its code loads when two are chosen.
const CompareView = lazy(() => import('./compare-view.tsx'));

const safeFileName = (name: string) =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'scenario'
  }.json`;

/** Named scenarios kept in this browser, scenario.json export and import, and the choice of scenarios to compare. */
export function SavedScenarios() {
  const nameId = useId();
  const fileId = useId();
  const saved = useAppStore((s) => s.saved);
  const compared = useAppStore((s) => s.compared);
  const { scenario, staleBecause } = useCalculation();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  useEffect(() => {
    if (useAppStore.getState().saved === null) loadSavedScenarios();
  }, []);
  const invalid = staleBecause === 'invalid-input' || !scenario;
  const say = (text: string, problem = false) => setMessage({ text, problem });

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    if (invalid || !scenario) return say('Fix the highlighted fields first: only a valid scenario can be saved.', true);
    const outcome = saveNamedScenario(name, scenario);
    if (!outcome.ok) return say(outcome.message, true);
    say(outcome.replaced ? `Replaced "${outcome.name}".` : `Saved "${outcome.name}".`);
    setName('');
  };

  const importFile = async (file: File) => {
    const result = readScenarioFile(await file.text());
    if (!result.ok) return say(`${file.name}: ${result.problems.join('; ')}`, true);
    const outcome = saveNamedScenario(nameFromFileName(file.name), result.scenario);
    if (!outcome.ok) return say(`${file.name}: ${outcome.message}`, true);
    say(
      `Imported ${file.name} as "${outcome.name}"${result.upgradedFrom !== null ? ` (upgraded from scenario format ${result.upgradedFrom})` : ''}.`,
    );
  };

  const list = saved?.scenarios ?? [];
  const chosen = compared.filter((id) => list.some((s) => s.id === id));
  return (
    <div className="saved-scenarios">
      <h3>Saved scenarios</h3>
      <p className="muted">
        Kept in this browser only (at most {MAX_SAVED_SCENARIOS}). Saving under a name already saved replaces it.
      </p>
      <form className="saved-form" onSubmit={save}>
        <label htmlFor={nameId}>Scenario name</label>
        <input
          id={nameId}
          type="text"
          value={name}
          maxLength={MAX_SAVED_NAME_CHARS}
          required
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button-small" disabled={invalid}>
          Save current scenario
        </button>
        <label htmlFor={fileId}>Import scenario.json</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </form>
      <p role="status" className={message?.problem ? 'field-problem' : 'muted'}>
        {message?.text ?? ''}
      </p>
      {saved && saved.problems.length > 0 ? (
        <div className="stale-note" role="alert">
          <p>
            {saved.blocked
              ? 'The saved scenarios could not be read, and nothing is written over them:'
              : `${saved.problems.length} saved ${saved.problems.length === 1 ? 'entry' : 'entries'} could not be read and ${saved.problems.length === 1 ? 'is' : 'are'} kept as stored:`}
          </p>
          <ul>
            {saved.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          <button
            type="button"
            className="button-small"
            onClick={() => say(removeUnreadableSaved() ?? 'Removed the unreadable saved data.')}
          >
            {saved.blocked ? 'Clear the saved scenarios' : 'Remove the unreadable entries'}
          </button>
        </div>
      ) : null}
      {list.length === 0 ? (
        <p>No saved scenarios yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Saved scenarios" tabIndex={0}>
          <table className="saved-table">
            <thead>
              <tr>
                <th scope="col">Compare</th>
                <th scope="col">Name</th>
                <th scope="col">Region</th>
                <th scope="col">Services</th>
                <th scope="col">Saved</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Compare ${entry.name}`}
                      checked={chosen.includes(entry.id)}
                      onChange={(e) => setCompared(entry.id, e.target.checked)}
                    />
                  </td>
                  <th scope="row">{entry.name}</th>
                  <td>{entry.scenario.region}</td>
                  <td>{entry.scenario.services.length}</td>
                  <td>{entry.savedAt.slice(0, 16).replace('T', ' ')} UTC</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button-small"
                      aria-label={`Open ${entry.name}`}
                      onClick={() => {
                        replaceScenario(entry.scenario, `Open saved scenario ${entry.name}`);
                        say(`Opened "${entry.name}" (Undo goes back).`);
                      }}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="button-small"
                      aria-label={`Download ${entry.name} as scenario.json`}
                      onClick={() =>
                        downloadFile(scenarioFileText(entry.scenario), safeFileName(entry.name), 'application/json')
                      }
                    >
                      scenario.json
                    </button>
                    <button
                      type="button"
                      className="button-small"
                      aria-label={`Delete ${entry.name}`}
                      onClick={() => say(deleteSavedScenario(entry.id) ?? `Deleted "${entry.name}".`, false)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chosen.length >= 2 ? (
        <Suspense fallback={<p role="status">Loading the comparison…</p>}>
          <CompareView scenarios={chosen.map((id) => list.find((s) => s.id === id)!)} />
        </Suspense>
      ) : list.length >= 2 ? (
        <p className="muted">Tick two or more scenarios to compare them side by side.</p>
      ) : null}
    </div>
  );
}
