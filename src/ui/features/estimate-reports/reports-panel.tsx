import { ReportDownloads } from './report-downloads.tsx';
import { SavedScenarios } from './saved-scenarios.tsx';

/**
 * The estimate as files (CSV, Markdown, print) and the scenarios saved in this browser with their
 * comparison. Below the results and loaded after the first screen.
 */
export default function ReportsPanel() {
  return (
    <>
      <ReportDownloads />
      <SavedScenarios />
    </>
  );
}
