package org.anilexplorer.app.view;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Popup;
import javafx.stage.Stage;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.Message;
import org.anilexplorer.app.viewmodel.TeachingViewModel;
import org.anilexplorer.io.Lesson;

/**
 * The teaching controls of the main window: the View menu (presenter mode, full screen, text size, high contrast,
 * cheat sheet), the Lessons menu (Next / Previous and every lesson) with the lesson caption above the charts, the
 * share-code actions, and their keys. Everything it shows lives in {@link TeachingViewModel}.
 */
public final class TeachingControls {

    /** Every key, for the cheat sheet and Help (key, what it does). */
    public static final List<String[]> KEYS = List.of(
            new String[] {"Space", "play or pause"},
            new String[] {"→", "one iteration"},
            new String[] {"R", "reset the run"},
            new String[] {"Page Down / Page Up", "next / previous lesson"},
            new String[] {"F5", "presenter mode (parameters hidden)"},
            new String[] {"double-click a chart", "that chart alone, full-window"},
            new String[] {"Escape", "back to four charts, then out of presenter mode"},
            new String[] {"Ctrl + plus / minus / 0", "larger / smaller / normal text and lines (up to 2×)"},
            new String[] {"F11", "full screen"},
            new String[] {"Ctrl + Shift + H", "high contrast"},
            new String[] {"Ctrl + 1 / 2 / 3", "fourth chart: spectrum / distance to col(B⋆) / learned mean"},
            new String[] {"Ctrl + Shift + C / V", "copy / paste a share code"},
            new String[] {"Ctrl + O / S / E", "open (presets, sessions, exported PNG and SVG) / save session / export"},
            new String[] {"Ctrl + Shift + S", "save the parameters as a preset"},
            new String[] {"Ctrl + Shift + L", "lock for a student station / leave the lock (asks first)"},
            new String[] {"Ctrl + Shift + W", "the Sweep view: a phase diagram over one or two parameters"},
            new String[] {"Ctrl + Q", "quit"},
            new String[] {"?", "this sheet"});

    private final TeachingViewModel teaching;
    private final MainViewModel vm;
    private final BorderPane window;
    private final ChartArea charts;
    private final Label caption = new Label();
    private final Popup cheatSheet = new Popup();
    private boolean panelWasShown = true;
    private double baseFontSize = 13;

    public TeachingControls(TeachingViewModel teaching, MainViewModel vm, BorderPane window, ChartArea charts) {
        this.teaching = teaching;
        this.vm = vm;
        this.window = window;
        this.charts = charts;
        caption.getStyleClass().add("lesson-caption");
        caption.setId("lesson-caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps instead of being cut off
        caption.textProperty().bind(teaching.captionProperty());
        caption.visibleProperty().bind(teaching.captionProperty().isNotEmpty());
        caption.managedProperty().bind(caption.visibleProperty());
        for (ChartKind kind : ChartKind.values()) {
            charts.tile(kind).addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    teaching.toggleMaximised(kind);
                    e.consume();
                }
            });
        }
        teaching.maximisedProperty().addListener((obs, old, now) -> charts.maximise(now));
        teaching.scaleProperty().addListener((obs, old, now) -> applyScale(now.doubleValue()));
        teaching.presentingProperty().addListener((obs, old, now) -> present(now));
        teaching.highContrastProperty().addListener((obs, old, now) -> {
            if (now) {
                window.getStyleClass().add("high-contrast");
            } else {
                window.getStyleClass().remove("high-contrast");
            }
        });
    }

    /** The lesson caption, to place above the charts. */
    public Label caption() {
        return caption;
    }

    /** View, Lessons and Share menus, for the menu bar. */
    public List<Menu> menus() {
        Menu view = new Menu("View");
        CheckMenuItem present = new CheckMenuItem("Presenter mode");
        present.setAccelerator(KeyCombination.keyCombination("F5"));
        present.selectedProperty().bindBidirectional(teaching.presentingProperty());
        MenuItem fullScreen = new MenuItem("Full screen");
        fullScreen.setAccelerator(KeyCombination.keyCombination("F11"));
        fullScreen.setOnAction(e -> toggleFullScreen());
        MenuItem larger = new MenuItem("Larger text and lines");
        larger.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        larger.setOnAction(e -> teaching.larger());
        MenuItem smaller = new MenuItem("Smaller text and lines");
        smaller.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        smaller.setOnAction(e -> teaching.smaller());
        MenuItem actual = new MenuItem("Normal size");
        actual.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        actual.setOnAction(e -> teaching.actualSize());
        CheckMenuItem contrast = new CheckMenuItem("High contrast");
        contrast.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+H"));
        contrast.selectedProperty().bindBidirectional(teaching.highContrastProperty());
        MenuItem sheet = new MenuItem("Keyboard shortcuts\t?");
        sheet.setOnAction(e -> toggleCheatSheet());
        view.setId("view-menu");
        view.getItems().addAll(present, fullScreen, new SeparatorMenuItem(), larger, smaller, actual,
                new SeparatorMenuItem(), contrast, new SeparatorMenuItem(), storyChartMenu(), new SeparatorMenuItem(),
                sheet);

        Menu lessons = new Menu("Lessons");
        lessons.setId("lessons-menu");
        MenuItem next = new MenuItem("Next lesson\tPage Down");
        next.setOnAction(e -> teaching.nextLesson());
        MenuItem previous = new MenuItem("Previous lesson\tPage Up");
        previous.setOnAction(e -> teaching.previousLesson());
        lessons.getItems().addAll(next, previous, new SeparatorMenuItem());
        // the lessons are read when the menu first opens, not for the window's first frame
        lessons.setOnShowing(e -> {
            if (lessons.getItems().size() == 3) {
                for (int i = 0; i < teaching.lessons().size(); i++) {
                    Lesson lesson = teaching.lessons().get(i);
                    MenuItem item = new MenuItem(lesson.number() + ". " + lesson.preset().title());
                    item.setMnemonicParsing(false);
                    int index = i;
                    item.setOnAction(a -> teaching.openLesson(index));
                    lessons.getItems().add(item);
                }
            }
        });

        Menu share = new Menu("Share");
        share.setId("share-menu");
        MenuItem copy = new MenuItem("Copy share code");
        copy.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        copy.setOnAction(e -> copyShareCode());
        MenuItem paste = new MenuItem("Paste share code");
        paste.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+V"));
        paste.setOnAction(e -> teaching.applyShareCode(Clipboard.getSystemClipboard().getString()));
        share.getItems().addAll(copy, paste);
        return List.of(view, lessons, share);
    }

    /** Which chart fills the grid's fourth place (Ctrl+1, 2, 3); a preset picks the one its story needs. */
    private Menu storyChartMenu() {
        Menu fourth = new Menu("Fourth chart");
        fourth.setId("story-chart-menu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        var story = vm.charts().storyChartProperty();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3};
        for (int i = 0; i < ChartKind.STORY.size(); i++) {
            ChartKind kind = ChartKind.STORY.get(i);
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(kind.title());
            item.setMnemonicParsing(false);
            item.setId("story-" + kind.id());
            item.setToggleGroup(group);
            item.setAccelerator(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN));
            item.setSelected(story.get() == kind);
            item.setOnAction(e -> story.set(kind));
            story.addListener((obs, old, now) -> item.setSelected(now == kind));
            fourth.getItems().add(item);
        }
        return fourth;
    }

    /** Installs the keys that are not menu accelerators, and the stylesheet. */
    public void attach(Scene scene) {
        scene.getStylesheets().add(stylesheet());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !typing(scene)) {
                toggleCheatSheet();
                e.consume();
            }
        });
    }

    private void onKey(KeyEvent e) {
        Scene scene = window.getScene();
        if (scene == null || typing(scene)) {
            return;
        }
        boolean plain = !e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShortcutDown();
        if (plain && e.getCode() == KeyCode.PAGE_DOWN) {
            teaching.nextLesson();
            e.consume();
        } else if (plain && e.getCode() == KeyCode.PAGE_UP) {
            teaching.previousLesson();
            e.consume();
        } else if (plain && e.getCode() == KeyCode.ESCAPE) {
            if (cheatSheet.isShowing()) {
                cheatSheet.hide();
                e.consume();
            } else if (teaching.escape()) {
                e.consume();
            } else if (window.getScene().getWindow() instanceof Stage stage && stage.isFullScreen()) {
                stage.setFullScreen(false);
                e.consume();
            }
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD)) {
            teaching.larger(); // Ctrl + "+" on keyboards where plus is its own key, and the keypad
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.SUBTRACT) {
            teaching.smaller();
            e.consume();
        }
    }

    private static String stylesheet() {
        return Objects.requireNonNull(TeachingControls.class.getResource("/org/anilexplorer/app/teaching.css"),
                "teaching.css").toExternalForm();
    }

    private static boolean typing(Scene scene) {
        return scene.getFocusOwner() instanceof TextInputControl;
    }

    private void copyShareCode() {
        teaching.shareCode().ifPresent(code -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(code);
            Clipboard.getSystemClipboard().setContent(content);
            vm.showMessage(Message.info("Copied the share code (" + code.length() + " characters): paste it in a chat; "
                    + "Share ▸ Paste share code opens it."));
        });
    }

    private void toggleFullScreen() {
        if (window.getScene() != null && window.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    private void present(boolean on) {
        // the preset's story and source make room for the charts; its title and the lesson caption stay
        Node banner = window.lookup("#preset-banner");
        if (banner != null) {
            for (String part : new String[] {".banner-text", ".banner-source"}) {
                for (Node n : banner.lookupAll(part)) {
                    n.setVisible(!on);
                    n.setManaged(!on);
                }
            }
        }
        // the parameter panel makes room for the charts, and comes back as it was
        Node toggle = window.lookup("#toggle-parameters");
        if (on) {
            if (toggle instanceof ToggleButton t) {
                panelWasShown = t.isSelected();
                t.setSelected(false);
            }
            window.getStyleClass().add("presenting");
            if (teaching.scaleProperty().get() == TeachingViewModel.MIN_SCALE) {
                teaching.scaleProperty().set(1.5);
            }
        } else {
            if (toggle instanceof ToggleButton t) {
                t.setSelected(panelWasShown);
            }
            window.getStyleClass().remove("presenting");
            teaching.maximisedProperty().set(null);
        }
    }

    private void applyScale(double scale) {
        window.setStyle(scale == 1 ? "" : String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;",
                baseFontSize * scale));
        charts.setPresentationScale(scale);
    }

    /** Built when first shown: the window's first frame does not need it. */
    private void buildCheatSheet() {
        if (!cheatSheet.getContent().isEmpty()) {
            return;
        }
        GridPane grid = new GridPane();
        grid.getStylesheets().add(stylesheet()); // a popup is its own scene
        grid.getStyleClass().add("cheat-sheet");
        grid.setId("cheat-sheet");
        Label title = new Label("Keyboard");
        title.getStyleClass().add("cheat-title");
        grid.add(title, 0, 0, 2, 1);
        int row = 1;
        for (String[] k : KEYS) {
            Label key = new Label(k[0]);
            key.getStyleClass().add("cheat-key");
            grid.addRow(row++, key, new Label(k[1]));
        }
        grid.setAlignment(Pos.CENTER);
        cheatSheet.getContent().add(grid);
        cheatSheet.setAutoHide(true);
        cheatSheet.setHideOnEscape(true);
        grid.setOnMouseClicked(e -> cheatSheet.hide());
    }

    /** Shows or hides the keyboard cheat sheet over the middle of the window. */
    public void toggleCheatSheet() {
        if (cheatSheet.isShowing()) {
            cheatSheet.hide();
            return;
        }
        if (window.getScene() == null || window.getScene().getWindow() == null) {
            return;
        }
        var owner = window.getScene().getWindow();
        buildCheatSheet();
        cheatSheet.getContent().get(0).setStyle(window.getStyle());
        cheatSheet.show(owner);
        Node content = cheatSheet.getContent().get(0);
        cheatSheet.setX(owner.getX() + (owner.getWidth() - content.getLayoutBounds().getWidth()) / 2);
        cheatSheet.setY(owner.getY() + (owner.getHeight() - content.getLayoutBounds().getHeight()) / 2);
    }

    /** Whether the cheat sheet is showing (for tests). */
    public boolean cheatSheetShowing() {
        return cheatSheet.isShowing();
    }
}
