package org.anilexplorer.app.viewmodel;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.anilexplorer.app.sim.ExperimentLauncher;

/**
 * The window's state without the window: parameters, transport, the preset banner, the message bar and frame
 * statistics. Views bind to it; tests drive it directly.
 */
public final class MainViewModel implements AutoCloseable {

    private final ParametersViewModel parameters = new ParametersViewModel();
    private final TransportViewModel transport;
    private final FrameStats frameStats = new FrameStats(4096);
    private final ChartsViewModel charts = new ChartsViewModel();
    private final ReadOnlyObjectWrapper<PresetInfo> preset = new ReadOnlyObjectWrapper<>(this, "preset", PresetInfo.CUSTOM);
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");

    /** @param debounce runs a restart after a quiet period, replacing any pending one (see {@link TransportViewModel}) */
    public MainViewModel(ExperimentLauncher launcher, Consumer<Runnable> debounce) {
        transport = new TransportViewModel(launcher, parameters.requestProperty(), debounce);
    }

    public ParametersViewModel parameters() {
        return parameters;
    }

    public TransportViewModel transport() {
        return transport;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public FrameStats frameStats() {
        return frameStats;
    }

    public ReadOnlyObjectProperty<PresetInfo> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    public PresetInfo getPreset() {
        return preset.get();
    }

    void setPreset(PresetInfo info) {
        preset.set(info);
    }

    /** The message bar's content, or null when it is hidden. */
    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Message getMessage() {
        return message.get();
    }

    public void showMessage(Message m) {
        message.set(m);
    }

    public void dismissMessage() {
        message.set(null);
    }

    /** Called once per animation frame with its timestamp; returns whether a new experiment view was taken. */
    public boolean onFrame(long nowNanos) {
        frameStats.frame(nowNanos);
        return transport.onFrame(nowNanos);
    }

    /** Cancels every run and joins the simulation threads. */
    @Override
    public void close() {
        transport.close();
    }
}
