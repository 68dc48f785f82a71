package org.anilexplorer.app.viewmodel;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.HeadStep;
import org.anilexplorer.core.params.InitScheme;
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

    public String tooltip() {
        String meaning = spec.meaning();
        return Character.toUpperCase(meaning.charAt(0)) + meaning.substring(1) + ".\nAllowed: " + spec.allowed()
                + ".\nDefault: " + spec.defaultText();
    }

    public Kind kind() {
        return switch (spec) {
            case ALGORITHM, INIT, BM_HEADS -> Kind.CHOICE;
            case FRESH_TASKS, UPDATE_HEAD_OUTER -> Kind.FLAG;
            default -> Kind.TEXT;
        };
    }

    /** The accepted values of a {@link Kind#CHOICE} field, as the keys {@code Params.with} parses. */
    public List<String> choices() {
        return switch (spec) {
            case ALGORITHM -> List.of(Algorithm.values()).stream().map(Algorithm::key).toList();
            case INIT -> List.of(InitScheme.values()).stream().map(InitScheme::key).toList();
            case BM_HEADS -> List.of(HeadStep.values()).stream().map(HeadStep::key).toList();
            default -> List.of();
        };
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
