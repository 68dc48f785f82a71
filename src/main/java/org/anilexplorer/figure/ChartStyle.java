package org.anilexplorer.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Stroke;
import java.util.Arrays;

/**
 * The publication look shared by every figure: fonts, greys, strokes. Sizes are in points at scale 1; PNG export
 * scales the whole drawing, so a 12 pt label stays 12 pt at any resolution.
 */
final class ChartStyle {

    /** DejaVu Sans when installed (it has every glyph we use: σ ² ₘ ᵢ ₙ ⋆ ᵀ ⊥ Λ ⁻), else the logical sans-serif font. */
    static final String FONT_FAMILY = pickFamily();

    static final Font FIGURE_TITLE = new Font(FONT_FAMILY, Font.BOLD, 17);
    static final Font CAPTION = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font PANEL_TITLE = new Font(FONT_FAMILY, Font.PLAIN, 15);
    static final Font AXIS_LABEL = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font TICK_LABEL = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font LEGEND = new Font(FONT_FAMILY, Font.PLAIN, 13);

    static final Color TEXT = new Color(0x1A1A1A);
    static final Color CAPTION_TEXT = new Color(0x4D4D4D);
    static final Color AXIS = new Color(0x4D4D4D);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color BACKGROUND = Color.WHITE;

    static final Stroke GRID_STROKE = new BasicStroke(0.8f);
    static final Stroke AXIS_STROKE = new BasicStroke(1.0f);
    /** Opacity of a mean ± std band. */
    static final float BAND_ALPHA = 0.2f;

    private ChartStyle() {
    }

    /**
     * Text for titles and captions with no line break inside "B⋆,⊥": Java's line breaker allows one after the comma,
     * and a zero-width no-break space (U+FEFF, which it honours) prevents it.
     */
    static String keepSymbolsTogether(String text) {
        return text.replace("⋆,⊥", "⋆,\uFEFF⊥");
    }

    static Color colour(int rgb) {
        return new Color(rgb & 0xFFFFFF);
    }

    static Stroke stroke(LineStyle style) {
        float w = (float) style.width();
        float[] dash = switch (style.dash()) {
            case SOLID -> null;
            case DASHED -> new float[] {6f * w / 1.6f, 4f * w / 1.6f};
            case DOTTED -> new float[] {0.1f, 2.4f * w};
            case DASH_DOT -> new float[] {6f * w, 2.5f * w, 0.1f, 2.5f * w};
        };
        int cap = style.dash() == LineStyle.Dash.DOTTED ? BasicStroke.CAP_ROUND : BasicStroke.CAP_BUTT;
        return dash == null
                ? new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(w, cap, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static String pickFamily() {
        try {
            String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            if (Arrays.asList(families).contains("DejaVu Sans")) {
                return "DejaVu Sans";
            }
        } catch (RuntimeException e) {
            // no usable font configuration: the logical font still works
            System.getLogger(ChartStyle.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot list the installed fonts; charts use the logical sans-serif font", e);
        }
        return Font.SANS_SERIF;
    }
}
