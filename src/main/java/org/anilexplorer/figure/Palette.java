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

    /** The colour of the method with this index (wraps around after {@link #size()}). */
    public static int method(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("colour index must be ≥ 0, got " + index);
        }
        return METHOD_ORDER[index % METHOD_ORDER.length];
    }
}
