import { Field, inputClass } from "./field";

/** A labelled picker of IANA time zones, shown with spaces instead of underscores. */
export function TimeZoneSelect({
  value,
  zones,
  onChange,
  error,
  hint,
}: {
  value: string;
  zones: readonly string[];
  onChange: (zone: string) => void;
  error?: string;
  hint: string;
}) {
  return (
    <Field label="Time zone" name="timeZone" error={error} hint={hint}>
      <select
        id="field-timeZone"
        name="timeZone"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby="field-timeZone-hint"
        className={inputClass(!!error)}
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replaceAll("_", " ")}
          </option>
        ))}
      </select>
    </Field>
  );
}
