import { FieldFrame, type FieldFrameProps } from './field-frame.tsx';

export interface TextFieldProps extends FieldFrameProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  spellCheck?: boolean;
}

export function TextField({ value, onChange, placeholder, spellCheck = false, ...frame }: TextFieldProps) {
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={value}
          placeholder={placeholder}
          spellCheck={spellCheck}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}
