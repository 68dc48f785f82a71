package org.anilexplorer.core.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.TestProtocol;
import org.junit.jupiter.api.Test;

/** The properties every front asks of an algorithm, and the test protocol that follows from them. */
class AlgorithmPropertiesTest {

    private static final Set<Algorithm> META = EnumSet.of(Algorithm.FO_ANIL, Algorithm.FO_MAML, Algorithm.ANIL,
            Algorithm.MAML);

    @Test
    void exactlyTheFourHeadStepMethodsAreMetaLearning() {
        for (Algorithm a : Algorithm.values()) {
            assertEquals(META.contains(a), a.isMetaLearning(), a.key());
            assertEquals(a.isMetaLearning(), a.hasOneStepGdRisk(), a.key());
            assertEquals(a.isMetaLearning(), a.approachesLambdaStar(), a.key());
        }
        assertTrue(Algorithm.FO_ANIL.hasUnlearningRate());
        assertFalse(Algorithm.FO_MAML.hasUnlearningRate());
    }

    @Test
    void infiniteTasksAreAcceptedExactlyWhereSupported() {
        for (Algorithm a : Algorithm.values()) {
            Params p = Params.defaults().with("algorithm", a.key()).with("tasks", "inf").with("m_in", "20")
                    .with("m_out", "10");
            boolean accepted;
            try {
                p.validate();
                accepted = true;
            } catch (ParamException e) {
                accepted = false;
            }
            assertEquals(a.supportsInfiniteTasks(), accepted, a.key());
        }
    }

    @Test
    void theTestProtocolGivesGdEstimatorsOnlyToMethodsTrainedForAHeadStep() {
        for (Algorithm a : Algorithm.values()) {
            TestProtocol p = TestProtocol.of(Params.defaults().with("algorithm", a.key()));
            assertEquals(a.hasOneStepGdRisk(), p.runs(Estimator.ONE_STEP_GD), a.key());
            assertEquals(a.hasOneStepGdRisk(), p.runs(Estimator.MULTI_STEP_GD), a.key());
            assertTrue(p.runs(Estimator.RIDGE), a.key());
        }
    }
}
