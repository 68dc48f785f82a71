package org.anilexplorer.app.viewmodel;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.anilexplorer.core.params.ParamSpec;

/**
 * One editable parameter of the target being edited (the base, or the selected method): its committed text, the
 * draft the user is typing, the problem with the draft (empty when it is accepted), and whether the selected
 * method's value differs from the base's. Label and tooltip come from {@link ParamSpec}, so the panel never restates
 * a symbol, meaning or range.
 *
 * <p>Typing only changes the draft, which is checked at once (a refused value is marked while typing) but runs
 * nothing; {@link #commit()} (Enter, leaving the field, choosing from a list) applies it. Setting the
 * {@linkplain #setText text} directly is a commit.
 */
public final class ParameterField {

    /** How a field is edited; the choices of a {@link #CHOICE} field come from the core enums. */
    public enum Kind { TEXT, CHOICE, FLAG }

    private final ParamSpec spec;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper differsFromBase =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "differsFromBase", false);
    private final ReadOnlyStringWrapper baseText = new ReadOnlyStringWrapper(this, "baseText", "");

    ParameterField(ParamSpec spec) {
        this.spec = spec;
        text.addListener((obs, old, now) -> draft.set(now));
    }

    public ParamSpec spec() {
        return spec;
    }

    /** "α  alpha": the paper's symbol first, then the key used in presets and on the command line. */
    public String label() {
        return spec.symbol().isEmpty() || spec.symbol().equals(spec.key())
                ? spec.key()
                : spec.symbol() + "  " + spec.key();
    }

    /** Meaning, allowed values, why the limits are where they are, and the default: all from {@link ParamSpec}. */
    public String tooltip() {
        return spec.help().replace(". Allowed: ", ".\nAllowed: ").replace(". Limits: ", ".\nLimits: ")
                + "\nDefault: " + spec.defaultText();
    }

    public Kind kind() {
        List<String> choices = spec.choices();
        if (choices.isEmpty()) {
            return Kind.TEXT;
        }
        return choices.equals(List.of("true", "false")) ? Kind.FLAG : Kind.CHOICE;
    }

    /** The accepted values of a {@link Kind#CHOICE} field, as the keys {@code Params.with} parses. */
    public List<String> choices() {
        return kind() == Kind.CHOICE ? spec.choices() : List.of();
    }

    /** The committed value (of the base, or of the selected method); setting it commits. */
    public StringProperty textProperty() {
        return text;
    }

    /** What the editor shows and the user types; checked at once, applied by {@link #commit()}. */
    public StringProperty draftProperty() {
        return draft;
    }

    public String getDraft() {
        return draft.get();
    }

    /** Applies the draft (Enter, leaving the field, a choice made): nothing runs before this. */
    public void commit() {
        text.set(draft.get());
    }

    /** Drops the draft, showing the committed value again. */
    public void revert() {
        draft.set(text.get());
    }

    /** Whether the draft holds something not yet committed. */
    public boolean isEdited() {
        return !draft.get().equals(text.get());
    }

    /** While a method is selected: whether its value differs from the base's (the panel marks it). */
    public javafx.beans.property.ReadOnlyBooleanProperty differsFromBaseProperty() {
        return differsFromBase.getReadOnlyProperty();
    }

    public boolean differsFromBase() {
        return differsFromBase.get();
    }

    /** The base's value of this key (shown as "base: 0.05" beside a value that differs). */
    public ReadOnlyStringProperty baseTextProperty() {
        return baseText.getReadOnlyProperty();
    }

    public String getBaseText() {
        return baseText.get();
    }

    void setBase(String base, boolean differs) {
        baseText.set(base);
        differsFromBase.set(differs);
    }

    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    void setError(String message) {
        error.set(message == null ? "" : message);
    }
}
