package org.anilexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anilexplorer.core.params.ParamSpec;
import org.junit.jupiter.api.Test;

/**
 * README's parameter table is {@code params --markdown} pasted between two markers: it must be the current output of
 * {@link ParamSpec#markdownTable()}, so a parameter's range is written once. To update it, run
 * {@code java -jar target/anil-explorer.jar params --markdown} and paste the output between the markers.
 */
class ParameterTableTest {

    private static final String BEGIN = "<!-- parameters:begin -->\n";
    private static final String END = "<!-- parameters:end -->";

    @Test
    void readmeHoldsTheTableGeneratedFromParamSpec() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md needs the parameter table between " + BEGIN.strip() + " and "
                + END);
        assertEquals(ParamSpec.markdownTable(), readme.substring(begin + BEGIN.length(), end),
                "README's parameter table is stale: paste the output of 'params --markdown'");
    }

    @Test
    void everyParameterHasARowAndItsDefaultIsAccepted() {
        String table = ParamSpec.markdownTable();
        for (ParamSpec p : ParamSpec.values()) {
            assertTrue(table.contains("| `" + p.key() + "` |"), p.key());
            assertEquals(p.defaultText(), org.anilexplorer.core.params.Params.defaults().get(p), p.key());
        }
    }
}
