package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.anilexplorer.figure.ColourVision.Deficiency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A family made by Vary is drawn as a sequence: lighter with each value, under every colour-vision deficiency, with
 * neighbours of a four-member family clearly apart, and none of it the method palette's colours.
 */
class SequentialPaletteTest {

    /** Neighbours of a four-member family must differ at least this much (CIEDE2000). */
    private static final double MIN_NEIGHBOUR_DELTA_E = 10;

    @ParameterizedTest
    @EnumSource(Deficiency.class)
    void lightnessRisesAlongTheFamilyAndNeighboursStayApart(Deficiency deficiency) {
        for (int size = 2; size <= 12; size++) {
            double previous = -1;
            for (int i = 0; i < size; i++) {
                double lightness = ColourVision.perceivedLab(Palette.sequential(i, size), deficiency)[0];
                assertTrue(lightness > previous, String.format(Locale.ROOT, "%s: member %d of %d is not lighter",
                        deficiency, i, size));
                previous = lightness;
            }
        }
        for (int i = 1; i < 4; i++) {
            double d = ColourVision.ciede2000(ColourVision.perceivedLab(Palette.sequential(i - 1, 4), deficiency),
                    ColourVision.perceivedLab(Palette.sequential(i, 4), deficiency));
            assertTrue(d >= MIN_NEIGHBOUR_DELTA_E, String.format(Locale.ROOT, "%s: members %d and %d differ by %.1f",
                    deficiency, i - 1, i, d));
        }
    }

    @org.junit.jupiter.api.Test
    void noMemberTakesAMethodColour() {
        for (int size = 2; size <= 12; size++) {
            for (int i = 0; i < size; i++) {
                for (int m = 0; m < Palette.size(); m++) {
                    assertNotEquals(Palette.method(m), Palette.sequential(i, size));
                }
            }
        }
    }
}
