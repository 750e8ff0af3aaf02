// The business profile: name and idle-lock minutes (owner edits, others read); the base currency is fixed at setup.
import { useEffect, useState, type FormEvent } from "react";
import { getBusiness, messageOf, updateBusiness } from "../../api";
import type { BusinessProfile } from "../../bindings/BusinessProfile";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { SubmitButton } from "../../components/SubmitButton";
import { Field } from "../../components/Field";

type Props = { canEdit: boolean; onSaved: (profile: BusinessProfile) => void };

export function BusinessProfileCard({ canEdit, onSaved }: Props) {
  const [profile, setProfile] = useState<BusinessProfile | null>(null);
  const [name, setName] = useState("");
  const [idleMinutes, setIdleMinutes] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const show = (loaded: BusinessProfile) => {
    setProfile(loaded);
    setName(loaded.name);
    setIdleMinutes(String(loaded.idleLockMinutes));
  };

  useEffect(() => {
    getBusiness()
      .then(show)
      .catch((reason: unknown) => setError(messageOf(reason)));
  }, []);

  const edited = (apply: () => void) => {
    apply();
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    // Checked here too because a fraction or a negative number cannot even be sent (the server takes a u32).
    const idleLockMinutes = Number(idleMinutes.trim());
    if (idleMinutes.trim() === "" || !Number.isInteger(idleLockMinutes) || idleLockMinutes < 1 || idleLockMinutes > 240) {
      setError("idleLockMinutes: must be between 1 and 240 minutes");
      return;
    }
    setSaving(true);
    setError(null);
    updateBusiness({ name, idleLockMinutes })
      .then((updated) => {
        show(updated);
        setSaved(true);
        onSaved(updated);
      })
      .catch((reason: unknown) => setError(messageOf(reason)))
      .finally(() => setSaving(false));
  };

  return (
    <Card title="Business profile" note={canEdit ? undefined : "Only the owner can change the business profile."}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Business name" htmlFor="business-name">
          <input id="business-name" data-testid="business-name" value={name} readOnly={!canEdit} disabled={profile === null} onChange={(e) => edited(() => setName(e.target.value))} />
        </Field>
        <Field label="Base currency" htmlFor="business-currency" hint="Set at setup; it cannot be changed.">
          <input id="business-currency" className="input-short" value={profile?.baseCurrency ?? ""} readOnly />
        </Field>
        <Field label="Idle lock (minutes)" htmlFor="business-idle-minutes" hint="The window locks after this many minutes without keyboard or mouse activity (1 to 240).">
          <input
            id="business-idle-minutes"
            data-testid="business-idle-minutes"
            className="input-short"
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            step={1}
            value={idleMinutes}
            readOnly={!canEdit}
            disabled={profile === null}
            onChange={(e) => edited(() => setIdleMinutes(e.target.value))}
          />
        </Field>
        <ErrorBox testId="business-error" message={error} />
        {canEdit && (
          <div className="form-actions">
            {saved && (
              <span className="saved-note" role="status" data-testid="business-saved">
                Saved.
              </span>
            )}
            <SubmitButton testId="business-save" label="Save" busyLabel="Saving…" busy={saving} disabled={profile === null} />
          </div>
        )}
      </form>
    </Card>
  );
}
