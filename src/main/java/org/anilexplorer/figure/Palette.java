package org.anilexplorer.figure;

/**
 * The Okabe–Ito colour-blind-safe palette (Okabe &amp; Ito 2008, "Color Universal Design"), as 0xRRGGBB values, in the
 * order methods get them. Black is kept for theory lines and yellow comes last because it is faint on white.
 */
public final class Palette {

    public static final int BLUE = 0x0072B2;
    public static final int VERMILLION = 0xD55E00;
    public static final int BLUISH_GREEN = 0x009E73;
    public static final int REDDISH_PURPLE = 0xCC79A7;
    public static final int ORANGE = 0xE69F00;
    public static final int SKY_BLUE = 0x56B4E9;
    public static final int YELLOW = 0xF0E442;
    /** Theory lines and reference levels (a near-black grey so that they do not compete with data). */
    public static final int THEORY = 0x333333;

    private static final int[] METHOD_ORDER = {BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, YELLOW};

    private Palette() {
    }

    /** Number of distinct method colours before they repeat. */
    public static int size() {
        return METHOD_ORDER.length;
    }

    /** Viridis (van der Walt &amp; Smith, matplotlib), at ten evenly spaced points from dark purple to yellow. */
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
            0x6ECE58, 0xB5DE2B, 0xFDE725};
    /** The share of viridis a family spans: its faint yellow end is left out, as yellow is last above. */
    private static final double SEQUENTIAL_SPAN = 0.85;

    /**
     * The colour of member {@code position} of a family of {@code size} methods that differ in one value (made by
     * Vary), from a sequential palette distinct from the method colours: viridis, dark to light as the values go,
     * perceptually uniform and readable with every common colour-vision deficiency.
     */
    public static int sequential(int position, int size) {
        if (size < 1 || position < 0 || position >= size) {
            throw new IllegalArgumentException("position " + position + " of " + size);
        }
        double t = size == 1 ? 0 : SEQUENTIAL_SPAN * position / (size - 1);
        double x = t * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double f = x - i;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = VIRIDIS[i] >> shift & 0xFF;
            int b = VIRIDIS[i + 1] >> shift & 0xFF;
            rgb |= (int) Math.round(a + (b - a) * f) << shift;
        }
        return rgb;
    }

    /** The colour of the method with this index (wraps around after {@link #size()}). */
    public static int method(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("colour index must be ≥ 0, got " + index);
        }
        return METHOD_ORDER[index % METHOD_ORDER.length];
    }
}
