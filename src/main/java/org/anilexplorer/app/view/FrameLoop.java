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

    @Override
    public void handle(long now) {
        vm.onFrame(now);
        charts.offer(vm.transport().getView());
        charts.onFrame(now);
    }
}
