package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/**
 * The parameter panel and the compare list, without any controls.
 *
 * <p>There is one set of <em>base</em> parameters and a list of methods, each of which overrides any keys of the base
 * it likes. The panel edits one target at a time: the base, or the {@linkplain #selectedProperty() selected} method
 * (its fields then show that method's values, and {@link ParameterField#differsFromBase()} marks what differs).
 *
 * <p>Typing changes a field's draft only: it is checked at once (the core's message, naming the field and its range,
 * appears under it) but nothing runs. A {@linkplain ParameterField#commit() commit} (Enter, leaving the field, a
 * choice made) applies it, and {@link #requestProperty()} then holds the new experiment to run, or null while
 * anything is invalid. The request changes only in the methods a commit reaches: editing a method changes that
 * method, editing the base changes the methods that inherit the edited key.
 */
public final class ParametersViewModel {

    private final Map<ParamSpec, ParameterField> fields = new EnumMap<>(ParamSpec.class);
    /** The committed base parameters, as text (they may be invalid together). */
    private final Map<ParamSpec, String> baseTexts = new EnumMap<>(ParamSpec.class);
    private final ObservableList<MethodEntry> methods = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Params> params = new ReadOnlyObjectWrapper<>(this, "params");
    private final ReadOnlyObjectWrapper<ExperimentRequest> request = new ReadOnlyObjectWrapper<>(this, "request");
    private final ReadOnlyObjectWrapper<MethodEntry> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper generalError = new ReadOnlyStringWrapper(this, "generalError", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    /** While the fields are being filled from the model (load, selection): their changes are not edits. */
    private boolean showing;
    private int nextFamily;
    /** The request the committed settings describe (null while invalid); published while no draft is refused. */
    private ExperimentRequest committedRequest;
    private boolean draftsValid = true;

    public ParametersViewModel() {
        for (ParamSpec spec : ParamSpec.values()) {
            ParameterField field = new ParameterField(spec);
            field.textProperty().addListener((obs, old, now) -> {
                if (!showing) {
                    committed(spec, now);
                }
            });
            field.draftProperty().addListener((obs, old, now) -> {
                if (!showing) {
                    checkDrafts();
                }
            });
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

    /** Conditions of Theorem 1 that fail, or settings likely to diverge, for the target shown: never blocking. */
    public ObservableList<String> warnings() {
        return FXCollections.unmodifiableObservableList(warnings);
    }

    /** The base parameters, or null while they are invalid. */
    public ReadOnlyObjectProperty<Params> paramsProperty() {
        return params.getReadOnlyProperty();
    }

    public Params getParams() {
        return params.get();
    }

    /** The method whose settings the panel shows and edits, or null: the panel edits the base. */
    public ReadOnlyObjectProperty<MethodEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public MethodEntry getSelected() {
        return selected.get();
    }

    /**
     * The experiment the committed settings describe, or null while anything (the base, a compared method, a draft
     * being typed) is invalid.
     */
    public ReadOnlyObjectProperty<ExperimentRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    public ExperimentRequest getRequest() {
        return request.get();
    }

    /** A problem that belongs to no single field (e.g. "a compared method is invalid"). */
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

    /** Shows {@code p} as the base and replaces the compare list (empty: one method running the base as set). */
    public void load(Params p, List<MethodVariant> variants) {
        for (ParamSpec spec : ParamSpec.values()) {
            baseTexts.put(spec, p.get(spec));
        }
        List<MethodVariant> list = variants.isEmpty() ? List.of(MethodVariant.asSet()) : variants;
        List<MethodEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(newEntry(i, list.get(i)));
        }
        selected.set(null);
        methods.setAll(entries);
        revalidate();
        show();
    }

    /** Edits the method's settings in the panel (null: the base). */
    public void select(MethodEntry entry) {
        if (entry != null && !methods.contains(entry)) {
            throw new IllegalArgumentException("not a listed method");
        }
        selected.set(entry);
        show();
        refreshWarnings();
    }

    /** Commits every field holding a value still being typed (Play runs what the panel shows). */
    public void commitDrafts() {
        for (ParameterField f : fields.values()) {
            if (f.isEdited()) {
                f.commit();
            }
        }
    }

    /** Back to editing the base parameters. */
    public void selectBase() {
        select(null);
    }

    /** While a method is selected: its value of {@code spec} goes back to following the base. */
    public void useBaseValue(ParamSpec spec) {
        MethodEntry m = selected.get();
        if (m != null && m.overrides().containsKey(spec.key())) {
            m.override(spec, null);
            revalidate();
            show();
        }
    }

    /**
     * Adds an algorithm to the comparison with settings it can run (see {@link MethodDefaults}), and selects it so
     * that the panel shows what it changes. No-op (selecting that row) if a method with exactly those settings is
     * already listed.
     */
    public MethodEntry addAlgorithm(Algorithm algorithm) {
        Params base = params.get() != null ? params.get() : Params.defaults();
        Map<String, String> overrides = MethodDefaults.forAlgorithm(base, algorithm);
        for (MethodEntry m : methods) {
            if (m.overrides().equals(overrides)) {
                select(m);
                return m;
            }
        }
        MethodEntry e = newEntry(freeSlot(Set.of()), new MethodVariant("", overrides));
        methods.add(e);
        revalidate();
        select(e);
        return e;
    }

    public void removeMethod(MethodEntry entry) {
        if (methods.size() > 1 && methods.contains(entry)) {
            if (selected.get() == entry) {
                selected.set(null);
            }
            methods.remove(entry);
            revalidate();
            show();
        }
    }

    /**
     * Replaces {@code source} by a family of methods, one per value of {@code key}, in one step: each member is the
     * source with {@code key} set to one value, named after it ("FO-ANIL, α = 0.2") and drawn in a sequential
     * palette. A member equal to the source keeps the source's slot, and so its runs.
     *
     * @param valuesText a list ("0.05, 0.1, 0.2, 0.4") or a range "start:stop:count" (see {@link VaryValues})
     * @return why nothing was made (one line), or empty when the family replaced the source
     */
    public Optional<String> vary(MethodEntry source, ParamSpec key, String valuesText) {
        if (!methods.contains(source)) {
            return Optional.of("That method is no longer listed.");
        }
        if (key == ParamSpec.SEED || key == ParamSpec.SEEDS) {
            return Optional.of("Vary makes methods that differ in a setting; use seeds for independent runs.");
        }
        Params base = params.get();
        if (base == null) {
            return Optional.of("Fix the base parameters first: " + firstError().orElse("") + ".");
        }
        List<String> values;
        try {
            values = VaryValues.parse(key, valuesText);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        String current = source.resolved() != null ? source.resolved().get(key)
                : base.withAll(source.overrides()).get(key);
        int family = nextFamily++;
        List<MethodEntry> members = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Map<String, String> o = new LinkedHashMap<>(source.overrides());
            o.put(key.key(), values.get(i));
            try {
                base.withAll(o).validate();
            } catch (IllegalArgumentException e) {
                nextFamily--;
                return Optional.of(key.key() + " = " + values.get(i) + " cannot run: " + e.getMessage());
            }
            boolean isSource = values.get(i).equals(current) && members.stream().noneMatch(m -> m == source);
            MethodEntry member;
            if (isSource) {
                member = source;
                source.override(key, values.get(i));
            } else {
                int slot = freeSlot(taken);
                taken.add(slot);
                member = newEntry(slot, new MethodVariant("", o));
            }
            member.setFamily(new MethodEntry.Family(family, key, i, values.size()));
            members.add(member);
        }
        int at = methods.indexOf(source);
        List<MethodEntry> list = new ArrayList<>(methods);
        list.remove(at);
        list.addAll(at, members);
        if (!members.contains(source) && selected.get() == source) {
            selected.set(null);
        }
        methods.setAll(list);
        revalidate();
        show();
        return Optional.empty();
    }

    /** The compare list as variants (for saving a preset or a session). */
    public List<MethodVariant> variants() {
        return methods.stream().map(MethodEntry::variant).toList();
    }

    // ---- editing ----

    private MethodEntry newEntry(int slot, MethodVariant v) {
        return new MethodEntry(slot, v);
    }

    /** The smallest slot no listed method (nor one in {@code taken}) has: colours stay put when rows go. */
    private int freeSlot(Set<Integer> taken) {
        Set<Integer> used = new HashSet<>(taken);
        methods.forEach(m -> used.add(m.slot()));
        int slot = 0;
        while (used.contains(slot)) {
            slot++;
        }
        return slot;
    }

    /** A committed edit of one field: of the base, or of the selected method's own value. */
    private void committed(ParamSpec spec, String text) {
        MethodEntry m = selected.get();
        if (m == null) {
            baseTexts.put(spec, text);
        } else if (same(spec, text, baseTexts.get(spec))) {
            m.override(spec, null); // the base's value: follow the base again
        } else {
            m.override(spec, text);
        }
        revalidate();
        markDifferences();
    }

    /** Fills every field with the target's committed values. */
    private void show() {
        showing = true;
        try {
            for (ParamSpec spec : ParamSpec.values()) {
                ParameterField f = fields.get(spec);
                f.setText(targetText(spec));
                f.revert();
            }
        } finally {
            showing = false;
        }
        markDifferences();
        checkDrafts();
    }

    private String targetText(ParamSpec spec) {
        MethodEntry m = selected.get();
        String own = m == null ? null : m.overrides().get(spec.key());
        if (own == null) {
            // a key the method does not set: the base's value, or the method's own when it could resolve
            return m != null && m.resolved() != null ? m.resolved().get(spec) : baseTexts.get(spec);
        }
        return own;
    }

    private void markDifferences() {
        MethodEntry m = selected.get();
        for (ParamSpec spec : ParamSpec.values()) {
            String base = baseTexts.get(spec);
            boolean differs = m != null && m.overrides().containsKey(spec.key())
                    && !same(spec, m.overrides().get(spec.key()), base);
            fields.get(spec).setBase(base, differs);
        }
    }

    /** Whether two texts are the same value of {@code spec} ("0.10" and "0.1"). */
    private static boolean same(ParamSpec spec, String a, String b) {
        return canonical(spec, a).equals(canonical(spec, b));
    }

    private static String canonical(ParamSpec spec, String text) {
        try {
            return Params.defaults().with(spec, text).get(spec);
        } catch (IllegalArgumentException e) {
            return text == null ? "" : text.strip();
        }
    }

    // ---- validation ----

    /** Checks what the fields hold now (drafts included): marks refused values, runs nothing. */
    private void checkDrafts() {
        Map<ParamSpec, String> errors = new EnumMap<>(ParamSpec.class);
        Params p = Params.defaults();
        for (ParamSpec spec : ParamSpec.values()) {
            try {
                p = p.with(spec, fields.get(spec).getDraft());
            } catch (ParamException e) {
                errors.put(spec, e.getMessage());
            }
        }
        if (errors.isEmpty()) {
            try {
                p.validate();
            } catch (ParamException e) {
                ParamSpec.byKey(e.field()).ifPresent(at -> errors.put(at, e.getMessage()));
            }
        }
        for (ParamSpec spec : ParamSpec.values()) {
            fields.get(spec).setError(errors.get(spec));
        }
        draftsValid = errors.isEmpty();
        publish();
    }

    /**
     * The request is the committed one while every field holds an acceptable value; a refused draft withholds it (Play
     * is refused until the field is fixed), and fixing the draft brings back the same request, which restarts nothing.
     */
    private void publish() {
        ExperimentRequest req = draftsValid ? committedRequest : null;
        if (!Objects.equals(request.get(), req)) {
            request.set(req);
        }
        valid.set(req != null);
    }

    /** Rebuilds the methods and the request from the committed base and overrides. */
    private void revalidate() {
        Params base = Params.defaults();
        String baseProblem = "";
        try {
            for (ParamSpec spec : ParamSpec.values()) {
                base = base.with(spec, baseTexts.get(spec));
            }
            base.validate();
        } catch (ParamException e) {
            baseProblem = e.getMessage();
            base = null;
        }
        for (MethodEntry m : methods) {
            m.resolve(base);
        }
        nameUniquely();

        ExperimentRequest req = null;
        String general = "";
        if (base == null) {
            general = selected.get() == null ? "" : "The base parameters are invalid (" + baseProblem + ").";
        } else {
            List<ResolvedMethod> run = new ArrayList<>();
            for (MethodEntry m : methods) {
                ResolvedMethod r = m.toResolved();
                if (r == null) {
                    general = "A compared method has invalid settings (see the compare list).";
                    run = null;
                    break;
                }
                run.add(r);
            }
            if (run != null) {
                req = new ExperimentRequest(base, run);
            }
        }
        params.set(base);
        generalError.set(general);
        committedRequest = req;
        refreshWarnings();
        checkDrafts();
    }

    /** Two methods with the same derived name are told apart by a number ("FO-ANIL (2)"). */
    private void nameUniquely() {
        Map<String, Integer> count = new HashMap<>();
        for (MethodEntry m : methods) {
            count.merge(m.derivedName(), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (MethodEntry m : methods) {
            String name = m.derivedName();
            int n = seen.merge(name, 1, Integer::sum);
            m.setDisplayName(count.get(name) > 1 && n > 1 ? name + " (" + n + ")" : name);
        }
    }

    private void refreshWarnings() {
        MethodEntry m = selected.get();
        Params target = m == null ? params.get() : m.resolved();
        List<String> now = List.of();
        if (target != null) {
            try {
                now = target.validate();
            } catch (ParamException e) {
                now = List.of(); // an invalid target has no warnings: its error is shown in its field or row
            }
        }
        if (!warnings.equals(now)) {
            warnings.setAll(now);
        }
    }

    /** The first problem to report: a field's refusal, or else the general one. */
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
