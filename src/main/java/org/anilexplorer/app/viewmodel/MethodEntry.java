package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.params.MethodLabel;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/**
 * A row of the compare list: a method's overrides of the base parameters (any key, not just the algorithm), its slot
 * (identity and colour, kept through every edit), whether it is shown, its name and what is wrong with it.
 *
 * <p>The name is derived from what differs from the base ({@link MethodLabel}), so it follows every edit. A preset's
 * own label ("FO-ANIL, infinite tasks") is kept only while the method still runs exactly the settings it was loaded
 * with: after any change that reaches the method, the derived name replaces it for good.
 */
public final class MethodEntry {

    /** A member of a family made by varying one key: its position among {@code size} values. */
    record Family(int id, ParamSpec key, int position, int size) {
    }

    private final int slot;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private String presetLabel;
    private Params labelledParams;
    private Family family;
    private final BooleanProperty included = new SimpleBooleanProperty(this, "included", true);
    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper(this, "displayName", "");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Params resolved;
    private String derivedName = "";

    MethodEntry(MethodVariant variant) {
        this(0, variant);
    }

    MethodEntry(int slot, MethodVariant variant) {
        this.slot = slot;
        this.presetLabel = variant.label();
        this.overrides.putAll(variant.overrides());
    }

    /** The method's identity while it is listed, and its colour in the categorical palette. */
    public int slot() {
        return slot;
    }

    /** The label and the overrides, as presets and sessions store a method. */
    public MethodVariant variant() {
        return new MethodVariant(getDisplayName(), overrides);
    }

    /** The keys this method sets itself (key → text), in the order they were set. */
    public Map<String, String> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    /** Whether the method is shown in the charts; unticking hides it, its runs go on. */
    public BooleanProperty includedProperty() {
        return included;
    }

    public boolean isIncluded() {
        return included.get();
    }

    public void setIncluded(boolean value) {
        included.set(value);
    }

    /** The method's name in the list, the legends, exports and sessions (unique within the list). */
    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    public String getDisplayName() {
        return displayName.get();
    }

    /** What the method is, in words: its settings that differ from the base (the row's tooltip). */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public String getDescription() {
        return description.get();
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

    /** Whether the method belongs to a family made by Vary (drawn in a sequential palette). */
    public boolean inFamily() {
        return family != null;
    }

    Family family() {
        return family;
    }

    /** The method's colour as 0xRRGGBB: its slot's, or its place in its family's sequence (as the charts draw it). */
    public int rgb() {
        return family == null ? org.anilexplorer.figure.Palette.method(slot)
                : org.anilexplorer.figure.Palette.sequential(family.position(), family.size());
    }

    void setFamily(Family f) {
        family = f;
    }

    /** The method ready to run, or null while invalid. */
    ResolvedMethod toResolved() {
        if (resolved == null) {
            return null;
        }
        ResolvedMethod.Shade shade = family == null ? null
                : new ResolvedMethod.Shade(family.id(), family.position(), family.size());
        return new ResolvedMethod(getDisplayName(), slot, resolved, shade);
    }

    /** Sets (or, with null, drops) this method's own value of one key. */
    void override(ParamSpec spec, String text) {
        if (text == null) {
            overrides.remove(spec.key());
        } else {
            overrides.put(spec.key(), text);
        }
    }

    /** Applies the overrides to {@code base} (null when the base itself is invalid) and records the outcome. */
    void resolve(Params base) {
        if (base == null) {
            resolved = null;
            error.set("");
            // keep the last good name while the base is being edited (an invalid field must not relabel curves)
            if (derivedName.isEmpty()) {
                derivedName = presetLabel.isEmpty() ? "As set" : presetLabel;
            }
            displayName.set(derivedName);
            return;
        }
        Params p;
        try {
            p = base.withAll(overrides);
            p.validate();
            resolved = p;
            error.set("");
        } catch (IllegalArgumentException e) {
            resolved = null;
            error.set(e.getMessage());
            if (derivedName.isEmpty()) {
                derivedName = presetLabel.isEmpty() ? "As set" : presetLabel;
            }
            description.set("Invalid settings: " + e.getMessage());
            displayName.set(derivedName);
            return;
        }
        if (!presetLabel.isEmpty() && labelledParams == null) {
            labelledParams = p;
        }
        if (!presetLabel.isEmpty() && !p.equals(labelledParams)) {
            presetLabel = ""; // the preset's words no longer describe this method
        }
        Set<ParamSpec> shown = family == null ? Set.of() : Set.of(family.key());
        derivedName = presetLabel.isEmpty() ? MethodLabel.of(base, p, shown) : presetLabel;
        description.set(describe(base, p));
        displayName.set(derivedName);
    }

    /** The name before the list makes it unique. */
    String derivedName() {
        return derivedName;
    }

    void setDisplayName(String name) {
        displayName.set(name);
    }

    private static String describe(Params base, Params p) {
        List<String> lines = new ArrayList<>();
        lines.add(p.algorithm().label() + (p.algorithm() == base.algorithm() ? "" : " (the base runs "
                + base.algorithm().label() + ")"));
        List<ParamSpec> diff = MethodLabel.differences(base, p);
        if (diff.isEmpty()) {
            lines.add("Every other setting as in the base.");
        } else {
            lines.add("Differs from the base in:");
            for (ParamSpec s : diff) {
                lines.add("  " + MethodLabel.setting(s, p.get(s)) + "   (base: " + base.get(s) + ")");
            }
        }
        lines.add("Click the row to edit this method's settings in the panel.");
        return String.join("\n", lines);
    }
}
