package org.anilexplorer.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A base-10 log axis with the ticks a paper uses: a labelled major tick at every decade (10⁻³, 10⁰, 10⁴), unlabelled
 * minor ticks at 2…9 × 10ⁿ, every second (third…) decade labelled when they would crowd, and 1-2-5 (or denser)
 * plain-decimal labels when the range spans too few decades for three labels. JFreeChart's own LogAxis labels
 * fractional powers such as 10^0.2, which read badly on an iteration axis.
 */
final class DecadeLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    DecadeLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
        setTickUnit(new NumberTickUnit(1.0), false, false);
        setAutoTickUnitSelection(false, false);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings("rawtypes") // LogAxis declares the raw List
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        return ticks(g2, dataArea, edge, anchor, false);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
        return ticks(g2, dataArea, edge, anchor, true);
    }

    /** Mantissas that may carry labels, from sparse to dense; the sparsest one giving three labels is used. */
    private static final int[][] LABEL_SETS = {{1}, {1, 2, 5}, {1, 2, 3, 5, 7}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};

    private List<NumberTick> ticks(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge, TextAnchor anchor,
                                boolean vertical) {
        Range range = getRange();
        double lo = range.getLowerBound();
        double hi = range.getUpperBound();
        List<NumberTick> ticks = new ArrayList<>();
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            return ticks;
        }
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        double pixelsPerDecade = Math.abs(valueToJava2D(10, dataArea, edge) - valueToJava2D(1, dataArea, edge));
        g2.setFont(getTickLabelFont());
        double labelExtent = vertical
                ? g2.getFontMetrics().getHeight() * 1.3
                : g2.getFontMetrics().stringWidth("10⁻⁰⁰") * 1.4;

        int[] labelled = LABEL_SETS[0];
        for (int[] set : LABEL_SETS) {
            if (set.length > 1 && minimumGapInDecades(set) * pixelsPerDecade < labelExtent) {
                break; // this set and all denser ones would overlap
            }
            labelled = set;
            if (count(set, first, last, range) >= 3) {
                break;
            }
        }
        // decades only: label every n-th decade when even those would crowd
        int labelEvery = labelled.length > 1 ? 1
                : Math.max(1, (int) Math.ceil(labelExtent / Math.max(pixelsPerDecade, 1e-9)));
        boolean plain = labelled.length > 1 && first >= -4 && last <= 5;
        boolean minorMarks = pixelsPerDecade > 28;
        for (int e = first; e <= last; e++) {
            double decade = Math.pow(10, e);
            for (int m = 1; m <= 9; m++) {
                double v = m * decade;
                if (!range.contains(v)) {
                    continue;
                }
                boolean isLabelled = contains(labelled, m) && (m > 1 || Math.floorMod(e, labelEvery) == 0);
                if (isLabelled) {
                    ticks.add(tick(TickType.MAJOR, v, label(v, m, e, plain), anchor));
                } else if (m == 1) {
                    ticks.add(tick(TickType.MAJOR, v, "", anchor));
                } else if (minorMarks) {
                    ticks.add(tick(TickType.MINOR, v, "", anchor));
                }
            }
        }
        return ticks;
    }

    /** The smallest distance, in decades, between neighbouring labels of this mantissa set (wrapping to 10×). */
    private static double minimumGapInDecades(int[] set) {
        double gap = Math.log10(10.0 * set[0] / set[set.length - 1]);
        for (int i = 1; i < set.length; i++) {
            gap = Math.min(gap, Math.log10((double) set[i] / set[i - 1]));
        }
        return gap;
    }

    private static int count(int[] set, int first, int last, Range range) {
        int n = 0;
        for (int e = first; e <= last; e++) {
            for (int m : set) {
                if (range.contains(m * Math.pow(10, e))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean contains(int[] set, int m) {
        for (int v : set) {
            if (v == m) {
                return true;
            }
        }
        return false;
    }

    /**
     * Plain-text ticks (not LogTick's attributed labels): the exponent is written with Unicode superscripts, so labels
     * stay text in SVG. Unlabelled ticks carry an empty label, because ValueAxis skips the mark of a null-label tick.
     */
    private static NumberTick tick(TickType type, double value, String label, TextAnchor anchor) {
        return new NumberTick(type, value, label, anchor, anchor, 0.0);
    }

    /** "10ⁿ" or "m×10ⁿ"; plain decimals ("0.02", "500") when the axis needs labels between decades. */
    private static String label(double value, int mantissa, int exponent, boolean plain) {
        String text;
        if (plain) {
            text = exponent >= 0 ? Long.toString(Math.round(value))
                    : String.format(Locale.ROOT, "%." + (-exponent) + "f", value);
        } else if (mantissa == 1) {
            text = "10" + superscript(exponent);
        } else {
            text = mantissa + "×10" + superscript(exponent);
        }
        return text;
    }

    static String superscript(int exponent) {
        String digits = Integer.toString(exponent);
        StringBuilder sb = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) {
            sb.append(switch (c) {
                case '-' -> '⁻';
                case '0' -> '⁰';
                case '1' -> '¹';
                case '2' -> '²';
                case '3' -> '³';
                case '4' -> '⁴';
                case '5' -> '⁵';
                case '6' -> '⁶';
                case '7' -> '⁷';
                case '8' -> '⁸';
                default -> '⁹';
            });
        }
        return sb.toString();
    }
}
