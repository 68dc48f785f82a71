package org.anilexplorer.app.view;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.ExportFormat;
import org.anilexplorer.app.viewmodel.ExportMemory;
import org.anilexplorer.figure.ImageSize;

/** Asks which charts, which formats, what size and where; the writing itself is the view model's. */
final class ExportDialog extends Dialog<ExportDialog.Choice> {

    /** What the user chose. */
    record Choice(List<ChartKind> charts, List<ExportFormat> formats, ImageSize size, Path dir, String prefix) {
    }

    private static Path lastDir = Path.of(System.getProperty("user.home", "."));
    /** The size last chosen here (the clipboard copies images at it too); null until an export. */
    private static ImageSize lastSize;

    /** The image size of the last export, or {@code fallback} before any. */
    static ImageSize lastSize(ImageSize fallback) {
        return lastSize != null ? lastSize : fallback;
    }

    /**
     * @param suggested the size the fields start with (the figure package's default for one chart), unless
     *                  {@code memory} holds the last export's choices: then the dialog starts from those
     * @param shown     the charts ticked at first (those in the window); the others can be ticked too
     * @param memory    the last export's folder, formats, size and prefix (remembered across launches)
     */
    ExportDialog(Window owner, ImageSize suggested, List<ChartKind> shown, ExportMemory memory) {
        Optional<ExportMemory.Choices> remembered = memory.last();
        if (remembered.isPresent()) {
            suggested = remembered.get().size();
            if (lastSize == null) {
                lastSize = suggested;
            }
        }
        initOwner(owner);
        setTitle("Export charts");
        setHeaderText("Write the charts as the command line does: same renderer, same look.");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));

        Map<ChartKind, CheckBox> charts = new EnumMap<>(ChartKind.class);
        javafx.scene.layout.FlowPane chartBoxes = new javafx.scene.layout.FlowPane(10, 6);
        chartBoxes.setPrefWrapLength(640); // six charts in two rows rather than one row wider than a small screen
        for (ChartKind k : ChartKind.values()) {
            CheckBox c = new CheckBox(k.title());
            c.setMnemonicParsing(false);
            c.setSelected(shown.contains(k));
            charts.put(k, c);
            chartBoxes.getChildren().add(c);
        }
        Map<ExportFormat, CheckBox> formats = new EnumMap<>(ExportFormat.class);
        HBox formatBoxes = new HBox(10);
        for (ExportFormat f : ExportFormat.values()) {
            CheckBox c = new CheckBox(f.description());
            c.setId("export-format-" + f.extension());
            c.setSelected(remembered.map(r -> r.formats().contains(f)).orElse(f != ExportFormat.SVG));
            formats.put(f, c);
            formatBoxes.getChildren().add(c);
        }
        TextField width = new TextField(number(suggested.width()));
        TextField height = new TextField(number(suggested.height()));
        TextField scale = new TextField(number(suggested.scale()));
        width.setPrefColumnCount(5);
        height.setPrefColumnCount(5);
        scale.setPrefColumnCount(4);
        HBox size = new HBox(6, new Label("width"), width, new Label("height"), height, new Label("points,  PNG scale"),
                scale);
        TextField folder = new TextField(remembered.map(r -> r.folder()).orElse(lastDir).toString());
        folder.setId("export-folder");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File start = new File(folder.getText());
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            File chosen = OwnerSafeDialogs.showDialog(chooser, getDialogPane().getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getPath());
            }
        });
        TextField prefix = new TextField(remembered.map(ExportMemory.Choices::prefix).orElse("anil"));
        Label problem = new Label();
        problem.getStyleClass().add("field-error");

        grid.addRow(0, new Label("Charts"), chartBoxes);
        grid.addRow(1, new Label("Formats"), formatBoxes);
        grid.addRow(2, new Label("Size"), size);
        grid.addRow(3, new Label("Folder"), new HBox(6, folder, browse));
        grid.addRow(4, new Label("File names"), new HBox(6, prefix, new Label("-<chart>.<format>")));
        grid.add(problem, 1, 5);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Export");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            Optional<String> error = check(width.getText(), height.getText(), scale.getText(), prefix.getText(),
                    folder.getText());
            if (error.isPresent()) {
                problem.setText(error.get());
                e.consume();
            }
        });
        setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            List<ChartKind> ks = new ArrayList<>();
            charts.forEach((k, c) -> {
                if (c.isSelected()) {
                    ks.add(k);
                }
            });
            List<ExportFormat> fs = new ArrayList<>();
            formats.forEach((f, c) -> {
                if (c.isSelected()) {
                    fs.add(f);
                }
            });
            lastDir = Path.of(folder.getText().strip());
            lastSize = new ImageSize(Double.parseDouble(width.getText()), Double.parseDouble(height.getText()),
                    Double.parseDouble(scale.getText()));
            memory.remember(new ExportMemory.Choices(lastDir, java.util.Set.copyOf(fs), java.util.Set.copyOf(ks),
                    lastSize, prefix.getText().strip()));
            return new Choice(ks, fs, lastSize, lastDir, prefix.getText().strip());
        });
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** What is wrong with the dialog's values, checked before it closes (a missing folder is said here, not later). */
    static Optional<String> check(String w, String h, String s, String prefix, String folder) {
        try {
            new ImageSize(Double.parseDouble(w), Double.parseDouble(h), Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return Optional.of("Width, height and scale must be numbers.");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (prefix.isBlank() || prefix.contains("/") || prefix.contains("\\")) {
            return Optional.of("The file name prefix must be a plain name.");
        }
        Path dir;
        try {
            dir = Path.of(folder.strip());
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.of("Not a folder name: " + folder);
        }
        if (folder.isBlank() || !java.nio.file.Files.isDirectory(dir)) {
            return Optional.of("No such folder: " + folder.strip() + ". Choose an existing folder.");
        }
        if (!java.nio.file.Files.isWritable(dir)) {
            return Optional.of("Cannot write to " + folder.strip() + ". Choose another folder.");
        }
        return Optional.empty();
    }
}
