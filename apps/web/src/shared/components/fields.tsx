import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

interface BaseProps {
  /** The control's id; error-summary links point to it. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  required?: boolean;
}

function describedBy(id: string, description?: ReactNode, error?: string): string | undefined {
  return [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Parts({ id, label, description, error }: BaseProps) {
  return (
    <>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </Paragraph>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    </>
  );
}

export function TextField(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'email' | 'password' | 'date' | 'url';
    autoComplete?: string;
  },
) {
  const { id, value, onChange, type = 'text', autoComplete, error, required } = props;
  return (
    <FormField type="text" invalid={!!error}>
      <Parts {...props} />
      <Paragraph className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={id}
          type={type}
          value={value}
          autoComplete={autoComplete}
          invalid={!!error}
          required={required}
          aria-describedby={describedBy(id, props.description, error)}
          onChange={(e) => onChange(e.target.value)}
        />
      </Paragraph>
    </FormField>
  );
}

export function TextAreaField(props: BaseProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { id, value, onChange, error, required, rows = 4 } = props;
  return (
    <FormField type="text" invalid={!!error}>
      <Parts {...props} />
      <Paragraph className="utrecht-form-field__input">
        <Textarea
          id={id}
          name={id}
          value={value}
          rows={rows}
          invalid={!!error}
          required={required}
          aria-describedby={describedBy(id, props.description, error)}
          onChange={(e) => onChange(e.target.value)}
        />
      </Paragraph>
    </FormField>
  );
}

export function SelectField(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    options: Array<{ value: string; label: string }>;
    placeholder?: string;
  },
) {
  const { id, value, onChange, error, required, options, placeholder } = props;
  return (
    <FormField type="text" invalid={!!error}>
      <Parts {...props} />
      <Paragraph className="utrecht-form-field__input">
        <Select
          id={id}
          name={id}
          value={value}
          invalid={!!error}
          required={required}
          aria-describedby={describedBy(id, props.description, error)}
          onChange={(e) => onChange(e.target.value)}
        >
          {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </Paragraph>
    </FormField>
  );
}

/** A group of checkboxes in a fieldset; the first box carries `id` for error-summary links. */
export function CheckboxGroup(
  props: BaseProps & { values: string[]; onChange: (values: string[]) => void; options: Array<{ value: string; label: ReactNode }> },
) {
  const { id, label, description, error, values, onChange, options } = props;
  return (
    <fieldset className="ov-fieldset" aria-describedby={describedBy(id, description, error)} aria-invalid={error ? true : undefined}>
      <legend className="ov-fieldset__legend">{label}</legend>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {options.map((o, i) => {
        const boxId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div key={o.value} className="ov-checkbox">
            <input
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              id={boxId}
              checked={values.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
            />
            <label htmlFor={boxId} className="utrecht-form-label utrecht-form-label--checkbox">
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
