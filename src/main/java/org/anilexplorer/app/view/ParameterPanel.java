package org.anilexplorer.app.view;

import java.util.function.IntFunction;
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
 * The left-hand panel: one row per parameter key, grouped, with the paper's symbol as label and the meaning and
 * allowed range as tooltip; a refused value turns its field red, marks it with ControlsFX's error icon
 * ({@link FieldDecorations}) and shows the core's message under it. Below, the
 * compare list. Only binds to {@link ParametersViewModel}; holds no state of its own.
 */
public final class ParameterPanel extends VBox {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ParametersViewModel vm;
    private final IntFunction<String> methodColour;
    private final FieldDecorations decorations = new FieldDecorations();
    private final Runnable leaveFields;

    /**
     * @param methodColour CSS colour of the method with this palette index
     * @param leaveFields  takes the focus out of the panel (Escape in a field), so keys drive the transport again
     */
    public ParameterPanel(ParametersViewModel vm, IntFunction<String> methodColour, Runnable leaveFields) {
        this.vm = vm;
        this.methodColour = methodColour;
        this.leaveFields = leaveFields;
        getStyleClass().add("side-panel");
        setMinWidth(250);
        setPrefWidth(340);

        VBox content = new VBox();
        content.getStyleClass().add("panel-content");
        for (ParameterGroup group : ParameterGroup.values()) {
            content.getChildren().add(sectionTitle(group.title()));
            content.getChildren().add(groupGrid(group));
            if (group == ParameterGroup.TRAINING) {
                content.getChildren().addAll(sectionTitle("Compare"), compareList());
            }
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
        grid.getColumnConstraints().addAll(labels, controls);
        int row = 0;
        for (ParamSpec spec : group.keys()) {
            ParameterField field = vm.field(spec);
            Node label = fieldLabel(field);
            Control control = editor(field);
            Tooltip tip = tooltip(field.tooltip());
            Tooltip.install(label, tip);
            control.setTooltip(tip);
            grid.add(label, 0, row);
            grid.add(control, 1, row);
            GridPane.setHalignment(label, HPos.LEFT);
            GridPane.setValignment(label, javafx.geometry.VPos.CENTER);
            row++;

            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.textProperty().bind(field.errorProperty());
            error.visibleProperty().bind(field.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            error.setMaxWidth(Double.MAX_VALUE);
            grid.add(error, 0, row, 2, 1);
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
     * Escape leaves a text field. When the text is refused, the field gets back the value it had when the user
     * entered it (or, if that was refused too, its last accepted value), so a stray key is undone with one key; an
     * accepted edit is kept.
     */
    private void escapeRestoresLastValid(TextField text, ParameterField field) {
        String[] lastValid = {field.isValid() ? field.getText() : ""};
        String[] beforeEditing = {null};
        field.textProperty().addListener((obs, old, now) -> {
            if (field.isValid()) { // the view model validates synchronously, before this listener
                lastValid[0] = now;
            }
        });
        text.focusedProperty().addListener((obs, was, now) -> {
            beforeEditing[0] = now && field.isValid() ? field.getText() : null;
        });
        text.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                if (!field.isValid()) {
                    field.setText(beforeEditing[0] != null ? beforeEditing[0] : lastValid[0]);
                }
                leaveFields.run();
                e.consume();
            }
        });
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
                text.textProperty().bindBidirectional(field.textProperty());
                text.setPrefColumnCount(8);
                text.setId(id);
                escapeRestoresLastValid(text, field);
                return text;
            }
        }
    }

    private Node compareList() {
        VBox rows = new VBox(4);
        rows.setId("compare-list");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (int i = 0; i < vm.methods().size(); i++) {
                rows.getChildren().add(methodRow(vm.methods().get(i), i));
            }
        };
        vm.methods().addListener((ListChangeListener<MethodEntry>) c -> rebuild.run());
        rebuild.run();

        MenuButton add = new MenuButton("Add method");
        add.setId("add-method");
        for (Algorithm a : Algorithm.values()) {
            MenuItem item = new MenuItem(a.label());
            item.setOnAction(e -> vm.addAlgorithm(a));
            add.getItems().add(item);
        }
        add.setTooltip(tooltip("Run another algorithm side by side, on the same tasks and initialisation."));
        VBox box = new VBox(6, rows, add);
        box.setPadding(new Insets(0, 0, 4, 0));
        return box;
    }

    private Node methodRow(MethodEntry entry, int index) {
        CheckBox include = new CheckBox();
        include.selectedProperty().bindBidirectional(entry.includedProperty());
        include.setTooltip(tooltip("Include this method in the run."));
        Region dot = new Region();
        dot.getStyleClass().add("colour-dot");
        dot.setStyle("-fx-background-color: " + methodColour.apply(index) + ";");
        Label name = new Label();
        name.textProperty().bind(entry.displayNameProperty());
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        if (!entry.variant().overrides().isEmpty()) {
            name.setTooltip(tooltip("Differs from the panel in: " + entry.variant().overrides()));
        }
        Button remove = new Button("✕");
        remove.getStyleClass().add("link-button");
        remove.setTooltip(tooltip("Remove from the comparison"));
        remove.setOnAction(e -> vm.removeMethod(entry));
        remove.visibleProperty().bind(Bindings.size(vm.methods()).greaterThan(1));
        HBox row = new HBox(include, dot, name, remove);
        row.getStyleClass().add("method-row");

        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(entry.errorProperty());
        error.visibleProperty().bind(entry.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(1, row, error);
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
