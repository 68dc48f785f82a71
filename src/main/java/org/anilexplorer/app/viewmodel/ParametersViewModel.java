package org.anilexplorer.app.viewmodel;

import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.app.sim.ExperimentRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/**
 * The parameter panel and the compare list, without any controls. Every keystroke re-parses all fields through
 * {@link Params#with(ParamSpec, String)} and {@link Params#validate()}: a refused field gets the core's message (which
 * names the field and its range), warnings are listed without blocking, and {@link #requestProperty()} holds the
 * experiment to run, or null while anything is invalid.
 */
public final class ParametersViewModel {

    private final Map<ParamSpec, ParameterField> fields = new EnumMap<>(ParamSpec.class);
    private final ObservableList<MethodEntry> methods = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Params> params = new ReadOnlyObjectWrapper<>(this, "params");
    private final ReadOnlyObjectWrapper<ExperimentRequest> request = new ReadOnlyObjectWrapper<>(this, "request");
    private final ReadOnlyStringWrapper generalError = new ReadOnlyStringWrapper(this, "generalError", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private boolean loading;

    public ParametersViewModel() {
        for (ParamSpec spec : ParamSpec.values()) {
            ParameterField field = new ParameterField(spec);
            field.textProperty().addListener((obs, old, now) -> revalidate());
            fields.put(spec, field);
        }
        load(Params.defaults(), List.of());
    }

    // ---- state ----

    public ParameterField field(ParamSpec spec) {
        return fields.get(spec);
    }

    /** All fields, in {@link ParamSpec} order. */
    public List<ParameterField> fields() {
        return List.copyOf(fields.values());
    }

    public ObservableList<MethodEntry> methods() {
        return methods;
    }

    /** Conditions of Theorem 1 that fail, or settings likely to diverge: shown, never blocking. */
    public ObservableList<String> warnings() {
        return FXCollections.unmodifiableObservableList(warnings);
    }

    /** The panel's parameters, or null while a field is invalid. */
    public ReadOnlyObjectProperty<Params> paramsProperty() {
        return params.getReadOnlyProperty();
    }

    public Params getParams() {
        return params.get();
    }

    /** The experiment the panel describes, or null while anything (a field, a compared method) is invalid. */
    public ReadOnlyObjectProperty<ExperimentRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    public ExperimentRequest getRequest() {
        return request.get();
    }

    /** A problem that belongs to no single field (e.g. "no method selected"). */
    public ReadOnlyStringProperty generalErrorProperty() {
        return generalError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    // ---- commands ----

    /** Shows {@code p} in every field and replaces the compare list (empty: just the panel as set). */
    public void load(Params p, List<MethodVariant> variants) {
        load(p, variants, List.of());
    }

    /** As {@link #load(Params, List)}, with each method's tick ({@code included}; missing ones are ticked). */
    public void load(Params p, List<MethodVariant> variants, List<Boolean> included) {
        loading = true;
        try {
            for (ParamSpec spec : ParamSpec.values()) {
                fields.get(spec).setText(p.get(spec));
            }
            methods.clear();
            List<MethodVariant> list = variants.isEmpty() ? List.of(MethodVariant.asSet()) : variants;
            for (MethodVariant v : list) {
                MethodEntry entry = newEntry(v);
                entry.setIncluded(methods.size() >= included.size() || included.get(methods.size()));
                methods.add(entry);
            }
        } finally {
            loading = false;
        }
        revalidate();
    }

    /** Adds an algorithm to the comparison (no-op if an entry that runs exactly it is already listed). */
    public void addAlgorithm(Algorithm algorithm) {
        Map<String, String> overrides = Map.of(ParamSpec.ALGORITHM.key(), algorithm.key());
        boolean present = methods.stream().anyMatch(m -> m.variant().overrides().equals(overrides));
        if (!present) {
            methods.add(newEntry(new MethodVariant(algorithm.label(), overrides)));
            revalidate();
        }
    }

    public void removeMethod(MethodEntry entry) {
        if (methods.size() > 1 && methods.remove(entry)) {
            revalidate();
        }
    }

    /** The compare list as variants (for saving a preset or a session). */
    public List<MethodVariant> variants() {
        return methods.stream().map(MethodEntry::variant).toList();
    }

    // ---- validation ----

    private MethodEntry newEntry(MethodVariant v) {
        MethodEntry e = new MethodEntry(v);
        e.includedProperty().addListener((obs, old, now) -> revalidate());
        return e;
    }

    private void revalidate() {
        if (loading) {
            return;
        }
        Params p = Params.defaults();
        Map<ParamSpec, String> errors = new EnumMap<>(ParamSpec.class);
        for (ParamSpec spec : ParamSpec.values()) {
            try {
                p = p.with(spec, fields.get(spec).getText());
            } catch (ParamException e) {
                errors.put(spec, e.getMessage());
            }
        }
        List<String> newWarnings = List.of();
        String general = "";
        if (errors.isEmpty()) {
            try {
                newWarnings = p.validate();
            } catch (ParamException e) {
                Optional<ParamSpec> at = ParamSpec.byKey(e.field());
                if (at.isPresent()) {
                    errors.put(at.get(), e.getMessage());
                } else {
                    general = e.getMessage();
                }
            }
        }
        for (ParamSpec spec : ParamSpec.values()) {
            fields.get(spec).setError(errors.get(spec));
        }
        Params accepted = errors.isEmpty() && general.isEmpty() ? p : null;
        for (MethodEntry m : methods) {
            m.resolve(accepted);
        }

        ExperimentRequest req = null;
        if (accepted != null) {
            List<ResolvedMethod> run = new ArrayList<>();
            boolean methodsValid = true;
            for (int i = 0; i < methods.size(); i++) {
                MethodEntry m = methods.get(i);
                if (m.isIncluded()) {
                    if (m.resolved() == null) {
                        methodsValid = false;
                    } else {
                        run.add(new ResolvedMethod(m.getDisplayName(), i, m.resolved()));
                    }
                }
            }
            if (!methodsValid) {
                general = "A compared method has invalid settings (see the compare list).";
            } else if (run.isEmpty()) {
                general = "Tick at least one method to run.";
            } else {
                req = new ExperimentRequest(accepted, run);
            }
        }
        params.set(accepted);
        generalError.set(general);
        if (!warnings.equals(newWarnings)) {
            warnings.setAll(newWarnings);
        }
        if (!java.util.Objects.equals(request.get(), req)) {
            request.set(req);
        }
        valid.set(req != null);
    }

    /** Field errors by key, for tests and the status line: the first invalid field's message, if any. */
    public Optional<String> firstError() {
        for (ParameterField f : fields.values()) {
            if (!f.isValid()) {
                return Optional.of(f.getError());
            }
        }
        return generalError.get().isEmpty() ? Optional.empty() : Optional.of(generalError.get());
    }

    List<ParameterField> invalidFields() {
        List<ParameterField> out = new ArrayList<>();
        for (ParameterField f : fields.values()) {
            if (!f.isValid()) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
