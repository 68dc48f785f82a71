package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anilexplorer.figure.ColourVision.Deficiency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The method colours stay apart for viewers with protanopia, deuteranopia or tritanopia: after simulating the
 * deficiency, every pair among the colours drawn together (all method colours and the theory grey) differs by at
 * least {@link #MIN_DELTA_E} in CIEDE2000. The check itself is tested: the formula against published reference
 * pairs, and a palette known to fail for red–green deficiencies (matplotlib's first five "tab10" colours) fails it.
 */
class PaletteColourVisionTest {

    /** ΔE₀₀ ≈ 1 is a just-noticeable difference; 10 keeps thin lines apart at a glance. */
    static final double MIN_DELTA_E = 10;

    @ParameterizedTest
    @EnumSource(Deficiency.class)
    void everyPairOfColoursDrawnTogetherStaysDistinguishable(Deficiency deficiency) {
        List<Integer> colours = new ArrayList<>();
        for (int i = 0; i < Palette.size(); i++) {
            colours.add(Palette.method(i));
        }
        colours.add(Palette.THEORY);
        Pair closest = closestPair(colours, deficiency);
        assertTrue(closest.deltaE >= MIN_DELTA_E, () -> String.format(Locale.ROOT,
                "%s: #%06X and #%06X differ by only ΔE00 = %.1f", deficiency, closest.a, closest.b, closest.deltaE));
    }

    @ParameterizedTest
    @EnumSource(value = Deficiency.class, names = {"PROTANOPIA", "DEUTERANOPIA"})
    void aRedGreenPaletteFailsTheSameCheck(Deficiency deficiency) {
        List<Integer> tab10 = List.of(0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD);
        assertTrue(closestPair(tab10, Deficiency.NONE).deltaE >= MIN_DELTA_E, "distinct for normal vision");
        assertTrue(closestPair(tab10, deficiency).deltaE < MIN_DELTA_E / 2, "confused under " + deficiency);
    }

    /** Reference pairs from Sharma, Wu &amp; Dalal (2005), Table 1 (pairs 1, 7, 17, 19, 25, 30, 34). */
    @ParameterizedTest
    @CsvSource({
            "50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425",
            "50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669",
            "50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492",
            "50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000",
            "60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644",
            "90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441",
            "2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082"})
    void ciede2000MatchesPublishedPairs(double l1, double a1, double b1, double l2, double a2, double b2, double expected) {
        assertEquals(expected, ColourVision.ciede2000(new double[] {l1, a1, b1}, new double[] {l2, a2, b2}), 1e-4);
        assertEquals(expected, ColourVision.ciede2000(new double[] {l2, a2, b2}, new double[] {l1, a1, b1}), 1e-4);
    }

    @ParameterizedTest
    @EnumSource(Deficiency.class)
    void greysLookTheSameToEveryone(Deficiency deficiency) {
        // each simulation matrix maps white to white (rows sum to 1), so greys are unchanged
        for (int grey : new int[] {0x000000, 0x333333, 0x808080, 0xFFFFFF}) {
            double[] seen = ColourVision.perceivedLab(grey, deficiency);
            double[] normal = ColourVision.perceivedLab(grey, Deficiency.NONE);
            assertTrue(ColourVision.ciede2000(seen, normal) < 0.1, String.format(Locale.ROOT, "#%06X", grey));
        }
    }

    private record Pair(int a, int b, double deltaE) {
    }

    private static Pair closestPair(List<Integer> colours, Deficiency deficiency) {
        Pair closest = null;
        for (int i = 0; i < colours.size(); i++) {
            for (int j = i + 1; j < colours.size(); j++) {
                double d = ColourVision.ciede2000(ColourVision.perceivedLab(colours.get(i), deficiency),
                        ColourVision.perceivedLab(colours.get(j), deficiency));
                if (closest == null || d < closest.deltaE) {
                    closest = new Pair(colours.get(i), colours.get(j), d);
                }
            }
        }
        return closest;
    }
}
