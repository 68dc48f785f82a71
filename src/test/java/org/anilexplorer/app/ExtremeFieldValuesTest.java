package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.viewmodel.ParameterField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bad and extreme values in every parameter field keep the window responsive, with the real simulation behind it:
 * each value is put into each text field; a refused one shows its message under the field (naming the field) and disables Play, and an accepted one is played for a moment and reset. After every value the
 * UI thread must answer within {@value #RESPONSIVE_MILLIS} ms (α = 1e308 once kept it in JFreeChart's tick code for
 * two minutes; the bound is generous because the build machine is shared).
 */
@ExtendWith(ApplicationExtension.class)
class ExtremeFieldValuesTest {

    static final long RESPONSIVE_MILLIS = 3000;

    private static final List<String> VALUES = List.of("0", "-1", "1e308", "-1e308", "NaN", "Infinity", "1e-320",
            "99999999999999999999", "2147483648", "abc", "", "1,5");

    private AnilExplorerApp app;

    @Start
    void start(Stage stage) {
        app = new AnilExplorerApp(new CoreExperimentLauncher());
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void everyTextFieldSurvivesEveryExtremeValue(FxRobot robot) throws Exception {
        Button play = robot.lookup("#play").queryButton();
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        java.util.Set<String> messages = new java.util.TreeSet<>();
        for (ParameterField field : app.viewModel().parameters().fields()) {
            TextField text = robot.lookup("#param-" + field.spec().key()).queryAll().stream()
                    .filter(TextField.class::isInstance).map(TextField.class::cast).findFirst().orElse(null);
            if (text == null) {
                continue; // a choice or a tick box: no text to type
            }
            String original = field.getText();
            for (String value : VALUES) {
                robot.interact(() -> text.setText(value));
                assertResponsive(field, value);
                String error = field.getError();
                if (!error.isEmpty()) {
                    refused++;
                    assertTrue(play.isDisabled(), field.label() + " = '" + value + "' is refused but Play is enabled");
                    int errorRow = javafx.scene.layout.GridPane.getRowIndex(text) + 1; // the row under the field
                    Label shown = robot.from(text.getParent()).lookup(".field-error").queryAllAs(Label.class).stream()
                            .filter(l -> javafx.scene.layout.GridPane.getRowIndex(l) == errorRow).findFirst()
                            .orElseThrow();
                    assertTrue(shown.isVisible() && shown.getText().equals(error),
                            field.label() + " = '" + value + "': the message is not shown under the field");
                    assertTrue(error.contains(field.spec().key()) || error.contains(field.spec().symbol()),
                            field.label() + " = '" + value + "': the message does not name its field: " + error);
                    messages.add(error);
                } else if (!play.isDisabled()) {
                    accepted.add(field.spec().key() + "=" + value);
                    robot.interact(() -> app.viewModel().transport().play());
                    Thread.sleep(150);
                    assertResponsive(field, value);
                    robot.interact(() -> app.viewModel().transport().reset());
                    assertResponsive(field, value);
                }
            }
            robot.interact(() -> text.setText(original));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(field.isValid(), field.label() + " does not take its value back");
        }
        System.out.println("extreme values: " + refused + " refused with a message; accepted and played: " + accepted);
        messages.forEach(m -> System.out.println("  message: " + m));
        assertTrue(refused > 0);
        assertFalse(play.isDisabled(), "all fields are back at their values");
    }

    /** The UI thread answers a request within the bound. */
    private static void assertResponsive(ParameterField field, String value) throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(1);
        long start = System.nanoTime();
        Platform.runLater(answered::countDown);
        assertTrue(answered.await(RESPONSIVE_MILLIS, TimeUnit.MILLISECONDS), "with " + field.label() + " = '" + value
                + "' the UI thread did not answer within " + RESPONSIVE_MILLIS + " ms");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < RESPONSIVE_MILLIS, field.label() + " = '" + value + "': UI answered after " + millis + " ms");
    }
}
