package org.anilexplorer.app.viewmodel;

/** What the banner above the charts says about the loaded preset (or the user's own settings). */
public record PresetInfo(String title, String description, String source) {

    public static final PresetInfo CUSTOM = new PresetInfo("Custom settings", "", "");

    public PresetInfo {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        source = source == null ? "" : source;
    }
}
