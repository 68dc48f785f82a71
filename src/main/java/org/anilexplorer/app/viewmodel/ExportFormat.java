package org.anilexplorer.app.viewmodel;

/** The files a chart can be exported to, through the figure package's writers (the same as the command line's). */
public enum ExportFormat {
    PNG("png", "PNG image"),
    SVG("svg", "SVG drawing"),
    CSV("csv", "CSV data");

    private final String extension;
    private final String description;

    ExportFormat(String extension, String description) {
        this.extension = extension;
        this.description = description;
    }

    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }
}
