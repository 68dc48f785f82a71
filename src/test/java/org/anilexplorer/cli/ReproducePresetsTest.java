package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.eval.PublishedTable1;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetReader;
import org.junit.jupiter.api.Test;

/**
 * The bundled reproduction presets hold exactly the documented settings (docs/math.md §7.3; the calibrated values of the
 * Table 1 study): a change to a preset must be a deliberate change to this test.
 */
class ReproducePresetsTest {

    /** Table 1 setting: N = 5000, d = 50, m = 20 + 10, k = 5, k' = d, σ² = 4, Σ⋆ = c·diag(1..5), α = β = 0.2, T = 300. */
    private static Params table1Base() {
        Params p = Params.defaults();
        String[][] documented = {{"algorithm", "fo-anil"}, {"tasks", "5000"}, {"fresh_tasks", "false"}, {"d", "50"},
                {"k", "5"}, {"k_prime", "50"}, {"m_in", "20"}, {"m_out", "10"}, {"sigma2", "4"},
                {"task_cov", "linear"}, {"task_mean", ""}, {"alpha", "0.2"}, {"beta", "0.2"}, {"iterations", "300"},
                {"init", "gaussian"}, {"init_scale", "1"}, {"w0_scale", "0"}, {"update_head_outer", "true"},
                {"bm_heads", "averaged"}, {"seed", "1"}, {"seeds", "10"}, {"m_test", "20,30"},
                {"test_tasks", "1000"}};
        for (String[] kv : documented) {
            p = p.with(kv[0], kv[1]);
        }
        return p;
    }

    @Test
    void tableOnePresetIsTheDocumentedSetting() {
        Params base = table1Base();
        Map<String, Params> expected = new LinkedHashMap<>();
        expected.put(PublishedTable1.FO_ANIL, base);
        expected.put(PublishedTable1.FO_MAML, base.with("algorithm", "fo-maml"));
        expected.put(PublishedTable1.FO_ANIL_INFINITE_TASKS, base.with("tasks", "inf"));
        // the first reading of docs/math.md §3.5: the N = 5000 heads with population losses (reading (b) gives the same table)
        expected.put(PublishedTable1.FO_ANIL_INFINITE_SAMPLES, base.with("m_in", "inf").with("m_out", "inf"));
        // plain GD on eq. (12): one step size 10 on the task-averaged objective, W₀ = 0, T = 1500
        expected.put(PublishedTable1.BURER_MONTEIRO, base.with("algorithm", "burer-monteiro").with("beta", "10")
                .with("iterations", "1500"));

        Preset preset = PresetReader.load("table1");
        assertEquals(base, preset.params());
        List<Variant> variants = preset.variants(Map.of());
        assertEquals(List.copyOf(expected.keySet()), variants.stream().map(Variant::label).toList(),
                "labels are the paper's row names, so every row is compared with the printed value");
        for (Variant v : variants) {
            assertEquals(expected.get(v.label()), v.params(), v.label());
            v.params().validate();
        }
        // Σ⋆ = c·diag(1..5) with ‖Σ⋆‖_F = √k (docs/math.md §2.2, §7.3), μ⋆ = 0
        GroundTruth truth = GroundTruth.sample(base, 1);
        double c = Math.sqrt(5.0 / 55.0);
        for (int j = 0; j < 5; j++) {
            assertEquals(c * (j + 1), truth.sigma(j), 1e-12);
            assertEquals(0.0, truth.mean(j), 0.0);
        }
        assertEquals(4.0, truth.sigma2(), 0.0);
    }

    @Test
    void figuresPresetIsTheTableOneSettingOverALongerHorizon() {
        // 5 000 iterations: infinite-task FO-ANIL is on its 1/t law from t ≈ 100 on (1.7 decades shown) and the
        // finite-N plateau of FO-ANIL/FO-MAML is reached by t ≈ 500; 3 seeds give the bands (as Figs. 4–5 of [Y])
        Params base = table1Base().with("iterations", "5000").with("seeds", "3");
        Preset preset = PresetReader.load("figures-2-3");
        assertEquals(base, preset.params());
        Map<String, Params> expected = new LinkedHashMap<>();
        expected.put(PublishedTable1.FO_ANIL, base);
        expected.put(PublishedTable1.FO_MAML, base.with("algorithm", "fo-maml"));
        expected.put(PublishedTable1.FO_ANIL_INFINITE_TASKS, base.with("tasks", "inf"));
        expected.put(PublishedTable1.FO_ANIL_INFINITE_SAMPLES, base.with("m_in", "inf").with("m_out", "inf"));
        expected.put(PublishedTable1.BURER_MONTEIRO, base.with("algorithm", "burer-monteiro").with("beta", "10"));
        List<Variant> variants = preset.variants(Map.of());
        assertEquals(List.copyOf(expected.keySet()), variants.stream().map(Variant::label).toList());
        for (Variant v : variants) {
            assertEquals(expected.get(v.label()), v.params(), v.label());
        }
    }
}
