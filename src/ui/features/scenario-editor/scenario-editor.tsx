import { PresetPicker } from './preset-picker.tsx';
import { UndoControls } from './undo-controls.tsx';
import { RegionFields } from './region-fields.tsx';
import { ServiceTable } from './service-table.tsx';
import { FargateFields, EksFields } from './fargate-eks-fields.tsx';
import { Ec2Fields } from './ec2-fields.tsx';
import { ExtrasFields, TeamTimeFields } from './extras-fields.tsx';

/** The whole workload form. Every field edits the store; results follow from it. */
export function ScenarioEditor() {
  return (
    <section aria-labelledby="editor-heading" className="panel editor">
      <div className="editor-heading">
        <h2 id="editor-heading">Workload</h2>
        <UndoControls />
      </div>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <PresetPicker />
        <RegionFields />
        <ServiceTable />
        <div className="settings-grid">
          <FargateFields />
          <EksFields />
          <Ec2Fields />
          <ExtrasFields />
          <TeamTimeFields />
        </div>
      </form>
    </section>
  );
}
