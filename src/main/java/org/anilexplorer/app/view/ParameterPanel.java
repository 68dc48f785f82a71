package org.anilexplorer.app.view;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.anilexplorer.app.viewmodel.MethodEntry;
import org.anilexplorer.app.viewmodel.ParameterField;
import org.anilexplorer.app.viewmodel.ParameterGroup;
import org.anilexplorer.app.viewmodel.ParametersViewModel;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.ParamSpec;

/**
 * The left-hand panel: first the compared methods (click a row to edit that method, Vary to make a family of it),
 * then one row per parameter key, grouped, with the paper's symbol as label and the meaning and allowed range as
 * tooltip. The fields show the base, or the selected method with its own values marked (●, bold, "base: …" in the
 * tooltip). A refused value turns its field red, marks it with ControlsFX's error icon ({@link FieldDecorations})
 * and shows the core's message under it. Text is applied on Enter or on leaving the field, never per keystroke.
 * Only binds to {@link ParametersViewModel}; holds no state of its own.
 */
public final class ParameterPanel extends VBox {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ParametersViewModel vm;
    private final java.util.function.Function<MethodEntry, String> methodColour;
    private final FieldDecorations decorations = new FieldDecorations();
    private final Runnable leaveFields;

    /**
     * @param methodColour CSS colour of a method (its slot's, or its place in a family's sequence)
     * @param leaveFields  takes the focus out of the panel (Escape in a field), so keys drive the transport again
     */
    public ParameterPanel(ParametersViewModel vm, java.util.function.Function<MethodEntry, String> methodColour,
                          Runnable leaveFields) {
        this.vm = vm;
        this.methodColour = methodColour;
        this.leaveFields = leaveFields;
        getStyleClass().add("side-panel");
        setMinWidth(250);
        setPrefWidth(340);

        VBox content = new VBox();
        content.getStyleClass().add("panel-content");
        content.getChildren().addAll(sectionTitle("Methods"), compareList(), editingHeader());
        for (ParameterGroup group : ParameterGroup.values()) {
            content.getChildren().add(sectionTitle(group.title()));
            content.getChildren().add(groupGrid(group));
        }
        content.getChildren().add(noticeBox());

        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
    }

    /** Whether ControlsFX currently marks any field as refused. */
    boolean anyFieldMarked() {
        return decorations.anyInvalid();
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text.toUpperCase());
        l.getStyleClass().add("section-title");
        return l;
    }

    private GridPane groupGrid(ParameterGroup group) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(132);
        labels.setPrefWidth(132);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        ColumnConstraints marks = new ColumnConstraints();
        marks.setMinWidth(18);
        marks.setPrefWidth(18);
        grid.getColumnConstraints().addAll(labels, controls, marks);
        int row = 0;
        for (ParamSpec spec : group.keys()) {
            ParameterField field = vm.field(spec);
            Node label = fieldLabel(field);
            Control control = editor(field);
            Tooltip tip = tooltip(field.tooltip());
            // a selected method's own value says what the base has
            tip.textProperty().bind(Bindings.createStringBinding(() -> field.differsFromBase()
                    ? "This method's own value; base: " + field.getBaseText() + "\n\n" + field.tooltip()
                    : field.tooltip(), field.differsFromBaseProperty(), field.baseTextProperty()));
            Tooltip.install(label, tip);
            control.setTooltip(tip);
            grid.add(label, 0, row);
            grid.add(control, 1, row);
            grid.add(baseMark(field, label, control), 2, row);
            GridPane.setHalignment(label, HPos.LEFT);
            GridPane.setValignment(label, javafx.geometry.VPos.CENTER);
            row++;

            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.textProperty().bind(field.errorProperty());
            error.visibleProperty().bind(field.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            error.setMaxWidth(Double.MAX_VALUE);
            grid.add(error, 0, row, 3, 1);
            row++;

            field.errorProperty().addListener((obs, old, now) -> control.pseudoClassStateChanged(INVALID, !now.isEmpty()));
            control.pseudoClassStateChanged(INVALID, !field.isValid());
            decorations.register(control, field);
        }
        return grid;
    }

    private static Node fieldLabel(ParameterField field) {
        ParamSpec spec = field.spec();
        HBox box = new HBox(6);
        box.setMinWidth(Region.USE_PREF_SIZE);
        boolean ownSymbol = !spec.symbol().isEmpty() && !spec.symbol().equals(spec.key());
        boolean hasSymbol = ownSymbol || spec.symbol().contains("_");
        Label main = new Label(ownSymbol ? spec.symbol() : hasSymbol ? Symbols.subscripted(spec.symbol())
                : spec.key().replace('_', ' '));
        main.getStyleClass().add("field-label");
        box.getChildren().add(main);
        if (hasSymbol) {
            Label key = new Label(spec.key());
            key.getStyleClass().add("field-key");
            box.getChildren().add(key);
        }
        box.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        return box;
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    /**
     * Escape leaves a text field. When the typed text is refused, the field gets back its committed value, so a stray
     * key is undone with one key; an accepted edit is committed and kept.
     */
    private void escapeRestoresLastValid(TextField text, ParameterField field) {
        text.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                if (!field.isValid()) {
                    field.revert();
                }
                leaveFields.run();
                e.consume();
            }
        });
    }

    /**
     * The mark beside a selected method's own value: the label turns bold, the field gets the "differs" style, and a
     * small button (tooltip "base: 0.05") gives the key back to the base.
     */
    private Node baseMark(ParameterField field, Node label, Control control) {
        Button mark = new Button("●");
        mark.getStyleClass().addAll("link-button", "base-mark");
        mark.setId("base-mark-" + field.spec().key());
        mark.setFocusTraversable(false);
        Tooltip tip = tooltip("");
        tip.textProperty().bind(Bindings.concat("base: ", field.baseTextProperty(),
                "\nThis method sets its own value. Click to use the base value again."));
        mark.setTooltip(tip);
        mark.setOnAction(e -> vm.useBaseValue(field.spec()));
        mark.visibleProperty().bind(field.differsFromBaseProperty());
        Runnable style = () -> {
            boolean differs = field.differsFromBase();
            label.pseudoClassStateChanged(DIFFERS, differs);
            control.pseudoClassStateChanged(DIFFERS, differs);
        };
        field.differsFromBaseProperty().addListener((obs, old, now) -> style.run());
        style.run();
        return mark;
    }

    static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    /** Says what the fields below edit: the base, or one method (with the way back to the base). */
    private Node editingHeader() {
        Label what = new Label();
        what.setId("editing-target");
        what.getStyleClass().add("editing-target");
        what.setWrapText(true);
        what.setMaxWidth(Double.MAX_VALUE);
        what.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(what, Priority.ALWAYS);
        Button back = new Button("Back to base");
        back.setId("back-to-base");
        back.setTooltip(tooltip("Edit the base parameters again: every method inherits the keys it does not set."));
        back.setOnAction(e -> vm.selectBase());
        back.visibleProperty().bind(vm.selectedProperty().isNotNull());
        back.managedProperty().bind(back.visibleProperty());
        Runnable update = () -> {
            MethodEntry m = vm.getSelected();
            what.textProperty().unbind();
            if (m == null) {
                what.setText("Editing the base parameters: every method inherits what it does not set itself.");
            } else {
                what.textProperty().bind(Bindings.concat("Editing “", m.displayNameProperty(),
                        "”: values marked ● are its own, the rest follow the base."));
            }
            pseudoClassStateChanged(SELECTED, m != null);
        };
        vm.selectedProperty().addListener((obs, old, now) -> update.run());
        update.run();
        VBox box = new VBox(4, what, back);
        box.getStyleClass().add("editing-header");
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private Control editor(ParameterField field) {
        String id = "param-" + field.spec().key();
        switch (field.kind()) {
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(field.choices());
                box.valueProperty().bindBidirectional(field.textProperty());
                box.setMaxWidth(Double.MAX_VALUE);
                box.setId(id);
                return box;
            }
            case FLAG -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(field.getText()));
                box.selectedProperty().addListener((obs, old, now) -> field.setText(Boolean.toString(now)));
                field.textProperty().addListener((obs, old, now) -> {
                    if ("true".equalsIgnoreCase(now) != box.isSelected()) {
                        box.setSelected("true".equalsIgnoreCase(now));
                    }
                });
                box.setId(id);
                return box;
            }
            default -> {
                TextField text = new TextField();
                // typing edits the draft; Enter or leaving the field commits it (nothing runs per keystroke)
                text.textProperty().bindBidirectional(field.draftProperty());
                text.setOnAction(e -> field.commit());
                text.focusedProperty().addListener((obs, was, now) -> {
                    if (was && !now) {
                        field.commit();
                    }
                });
                text.setPrefColumnCount(8);
                text.setId(id);
                escapeRestoresLastValid(text, field);
                return text;
            }
        }
    }

    private Node compareList() {
        VBox rows = new VBox(2);
        rows.setId("compare-list");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (MethodEntry m : vm.methods()) {
                rows.getChildren().add(methodRow(m));
            }
        };
        vm.methods().addListener((ListChangeListener<MethodEntry>) c -> rebuild.run());
        rebuild.run();

        MenuButton add = new MenuButton("Add method");
        add.setId("add-method");
        for (Algorithm a : Algorithm.values()) {
            MenuItem item = new MenuItem(a.label());
            item.setId("add-" + a.key());
            item.setOnAction(e -> vm.addAlgorithm(a));
            add.getItems().add(item);
        }
        add.setTooltip(tooltip("Run another algorithm side by side, on the same tasks and initialisation. It starts "
                + "with the base's settings (and the defaults the algorithm needs); click its row to change any."));
        VBox box = new VBox(6, rows, add);
        box.setPadding(new Insets(0, 0, 4, 0));
        return box;
    }

    /**
     * One method: a tick (shown in the charts or not: its runs go on either way), its colour, its name, Vary and
     * remove. A click anywhere else on the row selects it for editing (a second click goes back to the base).
     */
    private Node methodRow(MethodEntry entry) {
        CheckBox include = new CheckBox();
        include.selectedProperty().bindBidirectional(entry.includedProperty());
        include.setTooltip(tooltip("Show this method in the charts (hiding it does not stop its runs)."));
        include.setId("show-method-" + entry.slot());
        Region dot = new Region();
        dot.getStyleClass().add("colour-dot");
        Label name = new Label();
        name.textProperty().bind(entry.displayNameProperty());
        name.setMaxWidth(Double.MAX_VALUE);
        name.setMinWidth(40);
        HBox.setHgrow(name, Priority.ALWAYS);
        Button vary = new Button("Vary…");
        vary.getStyleClass().addAll("link-button", "vary-button");
        vary.setId("vary-" + entry.slot());
        vary.setFocusTraversable(false);
        vary.setMinWidth(Region.USE_PREF_SIZE);
        vary.setTooltip(tooltip("Make a family of this method over several values of one setting, e.g. "
                + "α = 0.05, 0.1, 0.2, 0.4 (drawn as a colour sequence)."));
        Button remove = new Button("✕");
        remove.getStyleClass().addAll("link-button", "remove-button");
        remove.setTooltip(tooltip("Remove from the comparison"));
        remove.setOnAction(e -> vm.removeMethod(entry));
        remove.visibleProperty().bind(Bindings.size(vm.methods()).greaterThan(1));
        remove.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(include, dot, name, vary, remove);
        row.getStyleClass().add("method-row");
        row.setId("method-row-" + entry.slot());
        Tooltip rowTip = tooltip("");
        rowTip.textProperty().bind(entry.descriptionProperty());
        Tooltip.install(row, rowTip);
        row.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                vm.select(vm.getSelected() == entry ? null : entry);
            }
        });
        Runnable selectedStyle = () -> row.pseudoClassStateChanged(SELECTED, vm.getSelected() == entry);
        vm.selectedProperty().addListener((obs, old, now) -> selectedStyle.run());
        selectedStyle.run();
        Runnable colour = () -> dot.setStyle("-fx-background-color: " + methodColour.apply(entry) + ";");
        entry.displayNameProperty().addListener((obs, old, now) -> colour.run());
        colour.run();

        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(entry.errorProperty());
        error.visibleProperty().bind(entry.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);

        VBox box = new VBox(1, row, error);
        Node[] editor = {null};
        vary.setOnAction(e -> {
            if (editor[0] == null) {
                editor[0] = varyEditor(entry, () -> {
                    box.getChildren().remove(editor[0]);
                    editor[0] = null;
                });
                box.getChildren().add(editor[0]);
            }
        });
        return box;
    }

    /** Vary: a key, its values (a list or start:stop:count), and the button that makes the family in one step. */
    private Node varyEditor(MethodEntry entry, Runnable close) {
        ComboBox<ParamSpec> key = new ComboBox<>();
        for (ParamSpec s : ParamSpec.values()) {
            if (s != ParamSpec.SEED && s != ParamSpec.SEEDS) {
                key.getItems().add(s);
            }
        }
        key.setValue(ParamSpec.ALPHA);
        key.setId("vary-key");
        key.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ParamSpec s) {
                return s == null ? "" : s.symbol().isEmpty() || s.symbol().equals(s.key()) ? s.key()
                        : s.symbol() + "  " + s.key();
            }

            @Override
            public ParamSpec fromString(String text) {
                return ParamSpec.byKey(text).orElse(null);
            }
        });
        TextField values = new TextField();
        values.setId("vary-values");
        values.setPromptText("0.05, 0.1, 0.2, 0.4  or  0.05:0.4:4 log");
        values.setTooltip(tooltip("A list of values, or start:stop:count evenly spaced; add 'log' for a constant "
                + "factor (0.05:0.4:4 log gives 0.05, 0.1, 0.2, 0.4)."));
        HBox.setHgrow(values, Priority.ALWAYS);
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button make = new Button("Make family");
        make.setId("vary-make");
        make.setDefaultButton(false);
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("link-button");
        cancel.setOnAction(e -> close.run());
        Runnable apply = () -> vm.vary(entry, key.getValue(), values.getText())
                .ifPresentOrElse(problem::setText, close);
        make.setOnAction(e -> apply.run());
        values.setOnAction(e -> apply.run());
        Label over = new Label("over");
        HBox line = new HBox(6, key, over, values);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, make, cancel);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        VBox box = new VBox(4, line, problem, buttons);
        box.getStyleClass().add("vary-editor");
        box.setPadding(new Insets(4, 0, 6, 20));
        javafx.application.Platform.runLater(values::requestFocus);
        return box;
    }

    private Node noticeBox() {
        VBox box = new VBox(6);
        box.setPadding(new Insets(10, 0, 0, 0));
        box.setId("notices");
        Runnable rebuild = () -> {
            box.getChildren().clear();
            String general = vm.generalErrorProperty().get();
            if (!general.isEmpty()) {
                box.getChildren().add(notice(general, "danger"));
            }
            // the warnings are shown above the charts they qualify (WarningStrip), not at the bottom of this panel
        };
        vm.generalErrorProperty().addListener((obs, old, now) -> rebuild.run());
        rebuild.run();
        return box;
    }

    private static Label notice(String text, String kind) {
        Label l = new Label(text);
        l.getStyleClass().addAll("notice", kind);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
