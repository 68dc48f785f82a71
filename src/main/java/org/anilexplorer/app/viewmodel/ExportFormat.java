package org.anilexplorer.app.viewmodel;

import java.util.Locale;

/** The files a chart can be exported to, through the figure package's writers (the same as the command line's). */
public enum ExportFormat {
    PNG,
    SVG,
    CSV;

    /** The file name extension: the format's name in lower case. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return switch (this) {
            case PNG -> "PNG image";
            case SVG -> "SVG drawing";
            case CSV -> "CSV data";
        };
    }
}
