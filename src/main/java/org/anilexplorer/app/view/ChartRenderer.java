package org.anilexplorer.app.view;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.anilexplorer.app.viewmodel.LiveView;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.ChartSettings;
import org.anilexplorer.app.viewmodel.LiveFigures;
import org.anilexplorer.figure.FigureCharts;
import org.anilexplorer.figure.FigureModel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * Builds and draws the live charts on a background thread, so that the UI thread never computes a figure: it only
 * shows finished images (and, for a chart the user is pointing at, hands the finished chart to its viewer). One job
 * at a time; a new view waits until the previous job is done, which throttles rendering to what the machine can do.
 */
final class ChartRenderer implements AutoCloseable {

    /** What to draw for one chart: the pixel size of its image (0: chart only) and the user's zoom, if any. */
    record Target(int width, int height, double scale, Range zoomX, Range zoomY) {
    }

    record Job(LiveView view, ChartSettings settings, long revision, Map<ChartKind, Target> targets) {
    }

    /** One chart as rendered: its model, the chart object, and the image (null when no image was asked for). */
    record Rendered(FigureModel model, JFreeChart chart, BufferedImage image) {
    }

    record Result(Job job, Map<ChartKind, Rendered> charts, long nanos) {
    }

    private static final System.Logger LOGGER = System.getLogger(ChartRenderer.class.getName());

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "anil-chart-render");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicReference<Result> done = new AtomicReference<>();

    /** Starts a job unless one is running; returns whether it was started. */
    boolean submit(Job job) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            thread.execute(() -> {
                try {
                    done.set(render(job));
                } catch (RuntimeException e) {
                    // a chart that cannot be drawn keeps its previous picture; the next view tries again
                    LOGGER.log(System.Logger.Level.WARNING, "chart rendering failed", e);
                } finally {
                    busy.set(false);
                }
            });
        } catch (RuntimeException e) {
            busy.set(false);
            return false;
        }
        return true;
    }

    boolean isBusy() {
        return busy.get();
    }

    /** The newest finished result not yet taken, or null. */
    Result poll() {
        return done.getAndSet(null);
    }

    static Result render(Job job) {
        long start = System.nanoTime();
        Map<ChartKind, Rendered> out = new EnumMap<>(ChartKind.class);
        for (Map.Entry<ChartKind, Target> e : job.targets().entrySet()) {
            FigureModel model = LiveFigures.build(e.getKey(), job.view(), job.settings(), false);
            JFreeChart chart = FigureCharts.chart(model.withTitle("").withCaption(""));
            Target t = e.getValue();
            if (t.zoomX() != null) {
                XYPlot plot = chart.getXYPlot();
                plot.getDomainAxis().setRange(t.zoomX(), true, false);
                plot.getRangeAxis().setRange(t.zoomY(), true, false);
            }
            BufferedImage image = null;
            if (t.width() > 0 && t.height() > 0) {
                int w = (int) Math.ceil(t.width() * t.scale());
                int h = (int) Math.ceil(t.height() * t.scale());
                image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
                Graphics2D g = image.createGraphics();
                g.scale(t.scale(), t.scale());
                chart.draw(g, new Rectangle2D.Double(0, 0, t.width(), t.height()));
                g.dispose();
            }
            out.put(e.getKey(), new Rendered(model, chart, image));
        }
        return new Result(job, out, System.nanoTime() - start);
    }

    /**
     * Stops taking jobs. A job in progress is not waited for: it only draws into its own image (no files, no shared
     * state) on a daemon thread, and the window must not hang on close while it finishes.
     */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
