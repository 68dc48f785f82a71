package org.anilexplorer.app.viewmodel;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.anilexplorer.core.params.ParamSpec;

/**
 * One editable parameter: its text as typed, and the problem with it (empty when the value is accepted). Label and
 * tooltip come from {@link ParamSpec}, so the panel never restates a symbol, meaning or range.
 */
public final class ParameterField {

    /** How a field is edited; the choices of a {@link #CHOICE} field come from the core enums. */
    public enum Kind { TEXT, CHOICE, FLAG }

    private final ParamSpec spec;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    ParameterField(ParamSpec spec) {
        this.spec = spec;
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

    public StringProperty textProperty() {
        return text;
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
