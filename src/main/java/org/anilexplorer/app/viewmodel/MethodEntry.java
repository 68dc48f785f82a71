package org.anilexplorer.app.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.anilexplorer.core.params.Params;

/** A row of the compare list: a method variant, whether it takes part in the run, and what is wrong with it. */
public final class MethodEntry {

    private final MethodVariant variant;
    private final BooleanProperty included = new SimpleBooleanProperty(this, "included", true);
    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper(this, "displayName", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Params resolved;

    MethodEntry(MethodVariant variant) {
        this.variant = variant;
    }

    public MethodVariant variant() {
        return variant;
    }

    /** Whether the method runs; unticking it removes it from the next run. */
    public BooleanProperty includedProperty() {
        return included;
    }

    public boolean isIncluded() {
        return included.get();
    }

    public void setIncluded(boolean value) {
        included.set(value);
    }

    /** The variant's label, or the algorithm's name for the "as set" variant (it follows the panel). */
    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    public String getDisplayName() {
        return displayName.get();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    /** The complete parameters of this method, or null while they are invalid. */
    public Params resolved() {
        return resolved;
    }

    /** Applies the overrides to {@code base} (null when the panel itself is invalid) and records the outcome. */
    void resolve(Params base) {
        if (base == null) {
            resolved = null;
            error.set("");
            // keep the last good name while the panel is being edited (an invalid field must not relabel curves)
            if (!variant.isAsSet()) {
                displayName.set(variant.label());
            } else if (displayName.get().isEmpty()) {
                displayName.set("As set");
            }
            return;
        }
        String name = variant.label().isEmpty() ? base.algorithm().label() : variant.label();
        try {
            Params p = base.withAll(variant.overrides());
            p.validate();
            resolved = p;
            error.set("");
        } catch (IllegalArgumentException e) {
            resolved = null;
            error.set(e.getMessage());
        }
        if (variant.label().isEmpty() && resolved != null) {
            name = resolved.algorithm().label();
        }
        displayName.set(name);
    }
}
