package org.anilexplorer.core.run;

import java.util.function.ToDoubleFunction;
import org.anilexplorer.core.metrics.Snapshot;

/** The scalar curves of a run, by the column name used in CSV files, sessions and summaries. */
public enum SeriesMetric {
    SV2_STAR_MIN("sv2_star_min", Snapshot::sv2StarMin),
    SV2_STAR_MAX("sv2_star_max", Snapshot::sv2StarMax),
    SV2_PERP_MEAN("sv2_perp_mean", Snapshot::sv2PerpMean),
    SV2_PERP_MAX("sv2_perp_max", Snapshot::sv2PerpMax),
    BW_NORM("bw_norm", Snapshot::bwNorm),
    DISTANCE("distance", Snapshot::distance),
    TRAINING_LOSS("training_loss", Snapshot::trainingLoss),
    VALIDATION_LOSS("validation_loss", Snapshot::validationLoss);

    private final String key;
    private final ToDoubleFunction<Snapshot> extractor;

    SeriesMetric(String key, ToDoubleFunction<Snapshot> extractor) {
        this.key = key;
        this.extractor = extractor;
    }

    public String key() {
        return key;
    }

    public double of(Snapshot s) {
        return extractor.applyAsDouble(s);
    }
}
