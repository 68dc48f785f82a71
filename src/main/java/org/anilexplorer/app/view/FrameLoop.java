package org.anilexplorer.app.view;

import javafx.animation.AnimationTimer;
import org.anilexplorer.app.viewmodel.MainViewModel;

/**
 * The only bridge from the simulation to the screen: once per pulse, take the newest published view (if any) and
 * let the charts redraw from it. Never waits for the simulation.
 */
public final class FrameLoop extends AnimationTimer {

    private final MainViewModel vm;
    private final ChartArea charts;

    public FrameLoop(MainViewModel vm, ChartArea charts) {
        this.vm = vm;
        this.charts = charts;
    }

    /** With {@code -Danil.frameLog=true}, frame statistics are logged every few seconds (for measuring). */
    private static final boolean LOG = Boolean.getBoolean("anil.frameLog");
    private static final System.Logger LOGGER = System.getLogger(FrameLoop.class.getName());
    private long lastLog;

    @Override
    public void handle(long now) {
        org.anilexplorer.app.StartupTimer.firstFrame();
        vm.onFrame(now);
        charts.offer(vm.transport().getView());
        charts.onFrame(now);
        if (LOG && now - lastLog > 5_000_000_000L) {
            lastLog = now;
            LOGGER.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "frames: median %.1f ms, p95 %.1f ms (%d); background render %.0f ms, viewer hand-over %.0f ms; %s",
                    vm.frameStats().medianMillis(), vm.frameStats().percentileMillis(95), vm.frameStats().count(),
                    charts.renderCosts().medianMillis(), charts.drawCosts().medianMillis(),
                    vm.transport().statusTextProperty().get()));
            vm.frameStats().clear();
        }
    }
}
