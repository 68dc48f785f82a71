package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.lesson.LessonTracker;
import org.anilexplorer.core.lesson.PauseEvent;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.FigureConfiguration;
import org.anilexplorer.io.Lesson;
import org.anilexplorer.io.Lessons;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetException;
import org.anilexplorer.io.ShareCode;

/**
 * Teaching state without the window: the lecture (current lesson, Next / Previous), the pause points of the running
 * lesson (the run pauses and a caption appears when one is reached), share codes, and the presenter settings (one
 * chart full-window, text and line scale, high contrast).
 */
public final class TeachingViewModel {

    /** Presenter scale steps: 100 % to 200 %. */
    public static final double MIN_SCALE = 1.0;
    public static final double MAX_SCALE = 2.0;
    public static final double SCALE_STEP = 0.25;

    /** Iterations per frame while a lesson runs. */
    public static final long LESSON_SPEED = 200;

    private final MainViewModel main;
    /** The lessons, read on first use: the window's first frame does not show them. */
    private final java.util.function.Supplier<List<Lesson>> lessons;
    private List<Lesson> lessonList;
    private final ReadOnlyIntegerWrapper lessonIndex = new ReadOnlyIntegerWrapper(this, "lessonIndex", -1);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ObservableList<PauseEvent> events = FXCollections.observableArrayList();
    private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting", false);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast", false);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", MIN_SCALE);
    private final ObjectProperty<ChartKind> maximised = new SimpleObjectProperty<>(this, "maximised");
    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked", false);
    private LessonTracker tracker;
    private PresetInfo lessonPreset;
    private long lastIteration = -1;

    public TeachingViewModel(MainViewModel main) {
        this(main, () -> readLessons(main));
    }

    public TeachingViewModel(MainViewModel main, List<Lesson> lessons) {
        this(main, () -> lessons);
    }

    private TeachingViewModel(MainViewModel main, java.util.function.Supplier<List<Lesson>> lessons) {
        this.main = main;
        this.lessons = lessons;
        main.transport().viewProperty().addListener((obs, old, now) -> onView(now));
        // another preset (menu, file, share code) ends the lesson
        main.presetProperty().addListener((obs, old, now) -> {
            if (lessonPreset != null && now != lessonPreset && !now.title().startsWith(lessonPreset.title())) {
                endLesson();
            }
        });
    }

    private static List<Lesson> readLessons(MainViewModel main) {
        try {
            return Lessons.bundled();
        } catch (PresetException e) {
            main.showMessage(Message.error("The lessons could not be read: " + e.getMessage()));
            return List.of();
        }
    }

    // ---- lessons ----

    public List<Lesson> lessons() {
        if (lessonList == null) {
            lessonList = List.copyOf(lessons.get());
        }
        return lessonList;
    }

    /** The open lesson's index in {@link #lessons()}, or −1. */
    public ReadOnlyIntegerProperty lessonIndexProperty() {
        return lessonIndex.getReadOnlyProperty();
    }

    /** What the lesson says now: its title when opened, then the caption of the last pause point reached. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The pause points reached in the current run, in order (for markers on the time axis). */
    public ObservableList<PauseEvent> events() {
        return FXCollections.unmodifiableObservableList(events);
    }

    public void openLesson(int index) {
        if (index < 0 || index >= lessons().size()) {
            return;
        }
        Lesson lesson = lessons().get(index);
        main.applyPreset(lesson.preset());
        lessonPreset = main.getPreset();
        tracker = lesson.tracker();
        events.clear();
        lastIteration = -1;
        lessonIndex.set(index);
        // fast enough to finish within a minute, slow enough that a pause comes at most a few hundred iterations late
        main.transport().speedIndexProperty().set(Speed.STEPS.indexOf(LESSON_SPEED));
        caption.set("Lesson " + lesson.number() + " of " + lessons().size() + ": " + lesson.preset().title()
                + (lesson.pauses().isEmpty() ? "" : " — press Play; the run pauses at " + lesson.pauses().size()
                + (lesson.pauses().size() == 1 ? " point" : " points") + " to explain."));
    }

    /** The next lesson (the first when none is open). */
    public void nextLesson() {
        openLesson(lessonIndex.get() < 0 ? 0 : Math.min(lessons().size() - 1, lessonIndex.get() + 1));
    }

    /** The previous lesson (the first when none is open). */
    public void previousLesson() {
        openLesson(Math.max(0, lessonIndex.get() - 1));
    }

    private void endLesson() {
        lessonPreset = null;
        tracker = null;
        events.clear();
        lessonIndex.set(-1);
        caption.set("");
    }

    /** Checks the newest view against the lesson's pause points; pauses the run at the first one reached. */
    void onView(LiveView view) {
        if (tracker == null || view == null) {
            return;
        }
        if (view.iteration() < lastIteration || view.methods().isEmpty()) {
            tracker.reset(); // the run was reset or restarted
            events.clear();
        }
        lastIteration = view.iteration();
        List<PauseEvent> fresh = new ArrayList<>();
        for (MethodView m : view.methods()) {
            if (!m.seeds().isEmpty()) {
                fresh.addAll(tracker.update(m.method().label(), m.seeds().get(0).series()));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(java.util.Comparator.comparingLong(PauseEvent::iteration));
        events.addAll(fresh);
        PauseEvent last = fresh.get(fresh.size() - 1);
        caption.set("t = " + last.iteration() + ": " + last.pause().caption() + "  (Space continues.)");
        if (main.transport().isRunning()) {
            main.transport().pause();
        }
    }

    // ---- share codes ----

    /** The share code of the panel's parameters and methods, or empty (with a message) while a field is invalid. */
    public java.util.Optional<String> shareCode() {
        ExperimentRequest req = main.parameters().getRequest();
        if (req == null) {
            main.showMessage(Message.error("Cannot make a share code while a parameter is invalid: "
                    + main.parameters().firstError().orElse("") + "."));
            return java.util.Optional.empty();
        }
        List<Variant> variants = new ArrayList<>();
        for (ResolvedMethod m : req.methods()) {
            variants.add(new Variant(m.label(), m.params()));
        }
        Preset preset = FigureConfiguration.configuration(main.getPreset().title().replace(" (edited)", ""),
                "", "", req.base(), variants);
        return java.util.Optional.of(ShareCode.encode(preset));
    }

    /** Applies a pasted share code; a bad one is explained in the message bar. */
    public boolean applyShareCode(String text) {
        try {
            Preset p = ShareCode.decode(text == null ? "" : text);
            main.applyPreset(p);
            main.showMessage(Message.info("Opened the shared setting “" + p.title() + "”."));
            return true;
        } catch (PresetException e) {
            main.showMessage(Message.error("Not a share code: " + e.getMessage()));
            return false;
        }
    }

    // ---- presenter ----

    public BooleanProperty presentingProperty() {
        return presenting;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    /** Text and line scale, {@value #MIN_SCALE} to {@value #MAX_SCALE}. */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** The chart shown alone, full-window, or null for all four. */
    /** Student-station lock: only the transport, the lessons and the chart controls are available. */
    public BooleanProperty lockedProperty() {
        return locked;
    }

    public ObjectProperty<ChartKind> maximisedProperty() {
        return maximised;
    }

    public void larger() {
        scale.set(Math.min(MAX_SCALE, scale.get() + SCALE_STEP));
    }

    public void smaller() {
        scale.set(Math.max(MIN_SCALE, scale.get() - SCALE_STEP));
    }

    public void actualSize() {
        scale.set(MIN_SCALE);
    }

    /** Shows this chart alone, or all four again if it already is. */
    public void toggleMaximised(ChartKind kind) {
        maximised.set(maximised.get() == kind ? null : kind);
    }

    /** Escape: first back from one chart to four, then out of presenter mode. */
    public boolean escape() {
        if (maximised.get() != null) {
            maximised.set(null);
            return true;
        }
        if (presenting.get()) {
            presenting.set(false);
            return true;
        }
        return false;
    }
}
