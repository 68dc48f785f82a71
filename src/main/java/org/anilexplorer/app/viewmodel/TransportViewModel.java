package org.anilexplorer.app.viewmodel;

import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.RequestChange;
import org.anilexplorer.app.sim.ResolvedMethod;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import org.anilexplorer.app.sim.LiveExperiment;
import org.anilexplorer.app.sim.ExperimentLauncher;
import org.anilexplorer.app.sim.RecordedExperiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunEstimate;
import org.anilexplorer.core.run.RunView;

/**
 * Play, pause, step, reset and speed, and the status line. Called on the UI thread only, but never blocks it:
 * the runs live behind an {@link LiveExperiment}, and {@link #onFrame(long)} (called once per animation frame)
 * takes the newest published view, raises the speed limit by one frame's worth of iterations, and keeps the clock.
 *
 * <p>A committed parameter edit changes the live experiment after the debounce that the caller supplies, restarting
 * only the methods whose settings it changes (see {@link #restart()}); stale runs are cancelled at once and joined on
 * a background thread, so the UI never waits for a worker to finish its step.
 */
public final class TransportViewModel implements AutoCloseable {

    private static final long RATE_WINDOW_NANOS = 500_000_000L;
    /** The status line is rewritten at most this often while running (a new text each frame only costs layout). */
    private static final long STATUS_TEXT_PERIOD_NANOS = 100_000_000L;

    private final ExperimentLauncher launcher;
    private final ObservableValue<ExperimentRequest> request;
    private final Consumer<Runnable> debounce;
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "anil-experiment-closer");
        t.setDaemon(true);
        return t;
    });

    private final ReadOnlyObjectWrapper<ExperimentState> state = new ReadOnlyObjectWrapper<>(this, "state", ExperimentState.READY);
    private final ReadOnlyObjectWrapper<LiveView> view = new ReadOnlyObjectWrapper<>(this, "view", LiveView.EMPTY);
    private final ReadOnlyLongWrapper iteration = new ReadOnlyLongWrapper(this, "iteration");
    private final ReadOnlyDoubleWrapper iterationsPerSecond = new ReadOnlyDoubleWrapper(this, "iterationsPerSecond");
    private final ReadOnlyLongWrapper elapsedNanos = new ReadOnlyLongWrapper(this, "elapsedNanos");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final IntegerProperty speedIndex = new SimpleIntegerProperty(this, "speedIndex", Speed.DEFAULT_INDEX);
    private final BooleanBinding playDisabled;

    /** Measures the time estimate of a started experiment (the command line's estimator), off the UI thread. */
    private final ExecutorService estimator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "anil-estimate");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /** The estimate of the live experiment's wall time at full speed, once measured (read on the UI thread). */
    private volatile EstimateFor estimate;

    private record EstimateFor(ExperimentRequest request, java.time.Duration wallTime) {
    }

    /** The estimate being measured (cancelled with its experiment: measuring builds the tasks and steps them). */
    private java.util.concurrent.Future<?> estimating;
    /** The request whose long-run notice was given (once per request). */
    private ExperimentRequest announced;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    private LiveExperiment driver;
    /** The driver's views as the window shows them (null exactly when {@code driver} is). */
    private LiveViews views;
    private boolean wantRunning;
    private long lastFrameNanos = -1;
    private long rateWindowStart = -1;
    private long rateWindowIteration;
    private long lastVersion = -1;
    private long lastTextNanos = Long.MIN_VALUE / 2;

    /**
     * @param request  the experiment the parameter panel describes (null while invalid)
     * @param debounce runs a restart after a short quiet period, replacing any restart still pending
     */
    public TransportViewModel(ExperimentLauncher launcher, ObservableValue<ExperimentRequest> request,
                              Consumer<Runnable> debounce) {
        this.launcher = launcher;
        this.request = request;
        this.debounce = debounce;
        playDisabled = Bindings.createBooleanBinding(() -> request.getValue() == null && state.get() != ExperimentState.RUNNING,
                request, state);
        request.addListener((obs, old, now) -> onRequestChanged(now));
        updateStatusText();
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<ExperimentState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ExperimentState getState() {
        return state.get();
    }

    /** The newest view of the experiment; changes at most once per frame. */
    public ReadOnlyObjectProperty<LiveView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public LiveView getView() {
        return view.get();
    }

    public ReadOnlyLongProperty iterationProperty() {
        return iteration.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty iterationsPerSecondProperty() {
        return iterationsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty elapsedNanosProperty() {
        return elapsedNanos.getReadOnlyProperty();
    }

    /** A divergence or failure of any run, in plain words (empty when all is well). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    /**
     * Said once, as soon as the estimate is measured, when the running experiment takes longer than
     * {@link RunEstimate#WORTH_ANNOUNCING} at full speed (as the command line says it before a long run); empty
     * otherwise.
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** "t = 1,200 / 20,000 · 2,400 it/s · 0:03 elapsed" (the state is a separate property). */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public IntegerProperty speedIndexProperty() {
        return speedIndex;
    }

    /** Play is refused while the parameters are invalid (pausing a running experiment stays possible). */
    public BooleanBinding playDisabledProperty() {
        return playDisabled;
    }

    public boolean isRunning() {
        return state.get() == ExperimentState.RUNNING;
    }

    // ---- commands ----

    public void togglePlay() {
        if (isRunning()) {
            pause();
        } else {
            play();
        }
    }

    /**
     * Opens the experiment paused at iteration 0 without running it, so the charts show the starting point and the
     * theory levels before Play. Does nothing while the parameters are invalid.
     */
    public void prepare() {
        if (openFresh()) {
            wantRunning = false;
            state.set(ExperimentState.READY);
            updateStatusText();
        }
    }

    /** Whether {@link #reset()} prepares a fresh experiment at once (the window does; tests may not want it). */
    public void setPrepareOnReset(boolean prepare) {
        prepareOnReset = prepare;
    }

    private boolean prepareOnReset;

    public void play() {
        applyCommittedChange();
        if (driver == null || state.get().isTerminal()) {
            if (!openFresh()) {
                return;
            }
        }
        if (state.get() == ExperimentState.READY) {
            startEstimate(driver.request());
        }
        wantRunning = true;
        applyLimit(views.latest());
        driver.resume();
        state.set(ExperimentState.RUNNING);
        updateStatusText();
    }

    public void pause() {
        if (driver != null && !state.get().isTerminal()) {
            driver.pause();
            wantRunning = false;
            state.set(ExperimentState.PAUSED);
            updateStatusText();
        }
    }

    /** Advances every run by one iteration (pausing first if needed). */
    public void step() {
        applyCommittedChange();
        if (driver == null || state.get().isTerminal()) {
            if (!openFresh()) {
                return;
            }
        }
        if (wantRunning) {
            driver.pause();
            wantRunning = false;
        }
        driver.step(1);
        state.set(ExperimentState.PAUSED);
        updateStatusText();
    }

    /** Cancels the experiment and clears the charts; the next Play starts from iteration 0. */
    public void reset() {
        clear();
        if (prepareOnReset) {
            prepare();
        }
    }

    /** Cancels the experiment and clears the charts, preparing nothing. */
    public void clear() {
        retire();
        wantRunning = false;
        view.set(LiveView.EMPTY);
        lastVersion = -1;
        iteration.set(0);
        elapsedNanos.set(0);
        iterationsPerSecond.set(0);
        problem.set("");
        state.set(ExperimentState.READY);
        updateStatusText();
    }

    /**
     * Shows a recorded experiment (from a session file) instead of a live one. Its state is terminal, so Play starts
     * a fresh experiment with the panel's parameters.
     */
    public void showRecorded(ExperimentRequest recordedRequest, ExperimentView recorded) {
        retire();
        wantRunning = false;
        driver = new RecordedExperiment(recordedRequest, recorded);
        views = new LiveViews(driver);
        lastVersion = -1;
        elapsedNanos.set(0);
        iterationsPerSecond.set(0);
        onFrame(lastFrameNanos < 0 ? 0 : lastFrameNanos);
        ExperimentState shown = views.latest().state();
        state.set(shown.isTerminal() ? shown : ExperimentState.FINISHED);
        updateStatusText();
    }

    /**
     * Once per animation frame: takes the newest view (skipping it when nothing was published), advances the speed
     * limit, and updates clock and rate. Returns true when a new view was taken.
     */
    public boolean onFrame(long nowNanos) {
        long dt = lastFrameNanos < 0 ? 0 : nowNanos - lastFrameNanos;
        lastFrameNanos = nowNanos;
        if (driver == null) {
            return false;
        }
        LiveView v = views.latest();
        if (wantRunning) {
            applyLimit(v);
            elapsedNanos.set(elapsedNanos.get() + dt);
        }
        updateRate(nowNanos, v.iteration());
        boolean textDue = nowNanos - lastTextNanos >= STATUS_TEXT_PERIOD_NANOS;
        if (v.version() == lastVersion) {
            if (textDue) {
                lastTextNanos = nowNanos;
                updateStatusText();
            }
            return false;
        }
        lastVersion = v.version();
        view.set(v);
        iteration.set(v.iteration());
        problem.set(describeProblem(v).orElse(""));
        if (v.state().isTerminal()) {
            wantRunning = false;
            long elapsed = elapsedNanos.get();
            iterationsPerSecond.set(elapsed > 0 ? v.iteration() * 1e9 / elapsed : 0);
            state.set(v.state());
            textDue = true;
        }
        if (textDue) {
            lastTextNanos = nowNanos;
            updateStatusText();
        }
        return true;
    }

    /** Cancels every experiment and waits (bounded) for the simulation threads to end. */
    @Override
    public void close() {
        retire();
        estimator.shutdownNow();
        closer.shutdown();
        try {
            if (!closer.awaitTermination(10, TimeUnit.SECONDS)) {
                closer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The live driver (tests and the session writer read it). */
    public Optional<LiveExperiment> driver() {
        return Optional.ofNullable(driver);
    }

    // ---- internals ----

    private boolean openFresh() {
        ExperimentRequest req = request.getValue();
        if (req == null) {
            return false;
        }
        Optional<String> refusal = launcher.refusal(req);
        if (refusal.isPresent()) {
            // refused before anything is allocated; the old experiment (other parameters) goes too
            retire();
            wantRunning = false;
            view.set(LiveView.EMPTY);
            lastVersion = -1;
            iteration.set(0);
            problem.set("");
            problem.set(refusal.get());
            state.set(ExperimentState.READY);
            updateStatusText();
            return false;
        }
        retire();
        driver = launcher.open(req);
        views = new LiveViews(driver);
        lastVersion = -1;
        elapsedNanos.set(0);
        iterationsPerSecond.set(0);
        rateWindowStart = -1;
        problem.set("");
        view.set(views.latest());
        return true;
    }

    /** Measures how long {@code req} takes, in the background; the status line shows it once known. */
    private void startEstimate(ExperimentRequest req) {
        if (estimate != null && estimate.request().equals(req)) {
            return;
        }
        estimate = null;
        try {
            estimating = estimator.submit(() -> launcher.estimate(req).ifPresent(d -> estimate = new EstimateFor(req, d)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: no estimate needed
        }
    }

    private void onRequestChanged(ExperimentRequest now) {
        if (now != null && driver != null && !now.equals(driver.request())) {
            debounce.accept(this::restart);
        }
    }

    private Runnable beforePlay = () -> { };

    /** Runs before Play and Step act (the window commits a value still being typed: Play runs what is shown). */
    public void setBeforePlay(Runnable action) {
        beforePlay = java.util.Objects.requireNonNull(action);
    }

    /** Play and Step run what the panel says: a committed change still waiting for its debounce applies first. */
    private void applyCommittedChange() {
        beforePlay.run();
        ExperimentRequest req = request.getValue();
        if (req != null && driver != null && !req.equals(driver.request())) {
            restart();
        }
    }

    private final java.util.List<Consumer<RunReplacement>> replacementListeners = new java.util.ArrayList<>();

    /** Hears every {@link RunReplacement} (on the UI thread). */
    public void addRunReplacementListener(Consumer<RunReplacement> listener) {
        replacementListeners.add(java.util.Objects.requireNonNull(listener));
    }

    /**
     * Brings the live experiment to the current request, touching only the methods the change reaches: a method
     * whose settings are unchanged keeps its runs (relabelled if its name changed), a changed method's runs are
     * replaced ({@link #runReplaced}), an added method starts, a removed one stops. A running experiment keeps
     * running, a paused one stays paused at its t; an ended one runs the methods that were started.
     */
    private void restart() {
        ExperimentRequest req = request.getValue();
        if (req == null || driver == null || req.equals(driver.request())) {
            return;
        }
        Optional<String> refusal = launcher.refusal(req);
        if (refusal.isPresent()) {
            problem.set(refusal.get()); // the runs on screen go on; the refused change is not applied
            return;
        }
        LiveView before = views.latest();
        RequestChange change = RequestChange.between(driver.request(), req);
        if (driver.update(req)) {
            boolean started = !change.added().isEmpty() || !change.replaced().isEmpty();
            problem.set("");
            for (RequestChange.Replacement r : change.replaced()) {
                before.methods().stream().filter(m -> m.colourIndex() == r.before().colourIndex()).findFirst()
                        .ifPresent(previous -> runReplaced(previous, r.after()));
            }
            if (started && state.get().isTerminal()) {
                // the ended experiment has runs again: they run, as Play would
                wantRunning = true;
                applyLimit(views.latest());
                driver.resume();
                state.set(ExperimentState.RUNNING);
            }
            lastVersion = -1;
            view.set(views.latest());
            updateStatusText();
            return;
        }
        reopen();
    }

    /**
     * The single place where one method's runs are replaced by runs with new settings (the new runs have just been
     * started in {@code replacement}'s slot): tells every {@link RunReplacement} listener, so that a history can keep
     * the previous runs as a reference.
     */
    private void runReplaced(MethodView previous, ResolvedMethod replacement) {
        RunReplacement event = new RunReplacement(previous, replacement);
        for (Consumer<RunReplacement> l : List.copyOf(replacementListeners)) {
            l.accept(event);
        }
    }

    /** Replaces an experiment that cannot change in place (a recorded one) by a fresh one. */
    private void reopen() {
        // a running experiment keeps running, an ended one (finished or diverged) runs again with the fix
        boolean resume = wantRunning || state.get().isTerminal();
        boolean ready = state.get() == ExperimentState.READY;
        if (!openFresh()) {
            return;
        }
        wantRunning = false;
        state.set(ready ? ExperimentState.READY : ExperimentState.PAUSED);
        if (resume) {
            play();
        }
        updateStatusText();
    }

    private void retire() {
        if (estimating != null) {
            estimating.cancel(true); // the interrupt stops the measuring dynamics as it stops a run
            estimating = null;
        }
        notice.set("");
        if (driver != null) {
            LiveExperiment old = driver;
            driver = null;
            views = null;
            old.cancel();
            closer.execute(old::close);
        }
    }

    private void applyLimit(LiveView v) {
        long perFrame = Speed.iterationsPerFrame(speedIndex.get());
        driver.limitAhead(perFrame == Speed.UNTHROTTLED ? Long.MAX_VALUE : perFrame);
    }

    private void updateRate(long nowNanos, long iter) {
        if (!wantRunning) {
            rateWindowStart = -1;
            return;
        }
        if (rateWindowStart < 0) {
            rateWindowStart = nowNanos;
            rateWindowIteration = iter;
            return;
        }
        long span = nowNanos - rateWindowStart;
        if (span >= RATE_WINDOW_NANOS) {
            iterationsPerSecond.set((iter - rateWindowIteration) * 1e9 / span);
            rateWindowStart = nowNanos;
            rateWindowIteration = iter;
        }
    }

    /** "0:40", "12:05", "3:20:00": as the elapsed time beside it; "over a day" beyond. */
    static String clock(java.time.Duration d) {
        long seconds = Math.max(1, d.toSeconds());
        if (seconds >= 86_400) {
            return String.format(java.util.Locale.ROOT, "over %d day%s", seconds / 86_400,
                    seconds >= 2 * 86_400 ? "s" : "");
        }
        return seconds >= 3600
                ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static Optional<String> describeProblem(LiveView v) {
        for (MethodView m : v.methods()) {
            Optional<RunView> bad = m.firstProblem();
            if (bad.isPresent()) {
                RunView s = bad.get();
                String who = m.seeds().size() > 1 ? m.method().label() + " (seed " + s.seed() + ")" : m.method().label();
                // the simulation's reason already says what happened and where ("diverged at iteration 3: …")
                return Optional.of(s.reason().isEmpty()
                        ? who + " " + s.state().key() + " at t = " + MethodView.lastRecorded(s) + "."
                        : who + " " + s.reason());
            }
        }
        return Optional.empty();
    }

    private void announceIfLong(EstimateFor e) {
        if (e.request().equals(announced) || e.wallTime().compareTo(RunEstimate.WORTH_ANNOUNCING) <= 0) {
            return;
        }
        announced = e.request();
        notice.set(longRunNotice(e.wallTime()));
    }

    /** The notice for an experiment of {@code wallTime} at full speed. */
    static String longRunNotice(java.time.Duration wallTime) {
        return "This experiment takes about " + clock(wallTime) + " at full speed on this computer (measured as "
                + "the command line's --dry-run does). Reset stops it at once; fewer iterations, tasks or "
                + "seeds, or a smaller d or k′, make it shorter.";
    }

    private void updateStatusText() {
        LiveView v = view.get();
        StringBuilder b = new StringBuilder();
        b.append("t = ").append(String.format("%,d", iteration.get()));
        if (v.horizon() > 0) {
            b.append(" / ").append(String.format("%,d", v.horizon()));
        }
        b.append("  ·  ").append(String.format("%,.0f it/s", iterationsPerSecond.get()));
        long seconds = elapsedNanos.get() / 1_000_000_000L;
        b.append("  ·  ").append(String.format("%d:%02d elapsed", seconds / 60, seconds % 60));
        EstimateFor e = estimate;
        if (e != null && driver != null && e.request().equals(driver.request()) && !state.get().isTerminal()) {
            b.append("  ·  about ").append(clock(e.wallTime())).append(" in all at full speed");
            announceIfLong(e);
        }
        statusText.set(b.toString());
    }
}
