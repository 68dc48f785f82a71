package org.anilexplorer.app.view;

import java.text.Normalizer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A label that breaks its text into lines itself. JavaFX's own wrapping misplaces line breaks in text with
 * combining marks (the paper's σ̃ is σ + U+0303), pushing words past the right edge; here each line is measured with
 * the marks left out (they take no width) and the breaks are inserted as newlines.
 */
final class WrappingLabel extends Label {

    private final StringProperty fullText = new SimpleStringProperty(this, "fullText", "");
    private final Text probe = new Text();
    private double wrappedFor = -1;

    WrappingLabel() {
        setWrapText(false);
        setMinHeight(Region.USE_PREF_SIZE);
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE);
        fullText.addListener((obs, old, now) -> rewrap(getWidth(), true));
        widthProperty().addListener((obs, old, now) -> rewrap(now.doubleValue(), false));
        fontProperty().addListener((obs, old, now) -> rewrap(getWidth(), true));
    }

    StringProperty fullTextProperty() {
        return fullText;
    }

    void setFullText(String text) {
        fullText.set(text == null ? "" : text);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0; // take the width the parent offers; the text adapts
    }

    private void rewrap(double width, boolean force) {
        if (!force && Math.abs(width - wrappedFor) < 0.5) {
            return;
        }
        wrappedFor = width;
        String text = fullText.get();
        double available = width - snappedLeftInset() - snappedRightInset();
        if (available <= 20) {
            setText(text);
            return;
        }
        probe.setFont(getFont());
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && measure(candidate) > available) {
                    out.append(line).append('\n');
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            out.append(line).append('\n');
        }
        out.setLength(Math.max(0, out.length() - 1));
        setText(out.toString());
    }

    private double measure(String s) {
        String base = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        probe.setText(base);
        return probe.getLayoutBounds().getWidth();
    }
}
