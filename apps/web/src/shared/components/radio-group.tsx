import { FormFieldDescription, FormFieldErrorMessage } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/**
 * One choice of a few, as native radios in a fieldset (arrow keys move within it); the first radio
 * carries `id` for error-summary links.
 */
export function RadioGroup(props: {
  id: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: ReactNode }>;
}) {
  const { id, name, label, description, error, value, onChange, options } = props;
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="ov-fieldset" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="ov-fieldset__legend">{label}</legend>
      {description && <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {options.map((o, i) => {
        const radioId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div key={o.value} className="ov-checkbox">
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              id={radioId}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={radioId} className="utrecht-form-label utrecht-form-label--radio-button">
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
