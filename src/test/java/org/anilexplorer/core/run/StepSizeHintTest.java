package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every step-size hint works: a diverging run of each method names a value to try, and the same run with that value
 * does not diverge. The hints come from each update's stable range ({@link StepSizeBounds}), not from dividing.
 */
class StepSizeHintTest {

    private static final Pattern TRY = Pattern.compile("(?:try|and) (\\w+) ≤ ([0-9.eE+-]*[0-9])");

    private static RunView run(Params p) {
        return new Run(Variant.of(p), 1, 1, DynamicsSource.FACTORY, RunOptions.DEFAULT).execute(new RunControl());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "fo-anil; beta=5; beta",
        "fo-anil; beta=30 tasks=inf; beta",
        "fo-anil; beta=30 m_in=inf m_out=inf; beta",
        "fo-maml; beta=5; beta",
        "anil; beta=5; beta",
        "maml; beta=5; beta",
        "fo-anil; alpha=4; alpha",
        "fo-anil; alpha=4 tasks=inf; alpha",
        "burer-monteiro; beta=1000; beta",
        "burer-monteiro; beta=100 bm_heads=per-task; beta",
        "burer-monteiro; beta=1000 m_in=inf m_out=inf; beta",
        "average-loss; beta=50 task_mean=2,1; beta"})
    void theSuggestedValueRuns(String algorithm, String settings, String expectedKey) {
        Params p = Params.defaults().with("algorithm", algorithm).with("d", "10").with("k", "2").with("k_prime", "10")
                .with("tasks", "40").with("m_in", "10").with("m_out", "5").with("task_cov", "identity")
                .with("iterations", "5000");
        for (String kv : settings.split(" ")) {
            String[] parts = kv.split("=");
            p = p.with(parts[0], parts[1]);
        }
        RunView diverged = run(p);
        assertEquals(RunState.DIVERGED, diverged.state(), "the case must diverge to test its hint: " + diverged.reason());
        Matcher m = TRY.matcher(diverged.reason().substring(diverged.reason().indexOf("Likely cause")));
        assertTrue(m.find(), diverged.reason());
        assertEquals(expectedKey, m.group(1), "the hint names the step that is out of range: " + diverged.reason());
        Params hinted = p;
        do {
            hinted = hinted.with(m.group(1), m.group(2));
        } while (m.find());
        RunView fixed = run(hinted);
        assertTrue(fixed.state().isSuccess(), "the hint of '" + diverged.reason() + "' still fails: " + fixed.reason());
    }
}
