import java.awt.Robot;
import java.awt.event.KeyEvent;

/**
 * Types key chords into whatever window has the focus on $DISPLAY, for the Xvfb checks (no xdotool needed):
 * {@code java SendKeys.java ctrl+e escape ctrl+q}. Each chord is pressed and released, then the program waits 0.5 s.
 */
public class SendKeys {

    public static void main(String[] args) throws Exception {
        Robot robot = new Robot();
        for (String chord : args) {
            String[] keys = chord.split("\\+");
            int[] codes = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                codes[i] = code(keys[i]);
                robot.keyPress(codes[i]);
            }
            for (int i = codes.length - 1; i >= 0; i--) {
                robot.keyRelease(codes[i]);
            }
            robot.delay(500);
        }
    }

    private static int code(String key) {
        return switch (key.toLowerCase()) {
            case "ctrl" -> KeyEvent.VK_CONTROL;
            case "alt" -> KeyEvent.VK_ALT;
            case "shift" -> KeyEvent.VK_SHIFT;
            case "escape" -> KeyEvent.VK_ESCAPE;
            case "space" -> KeyEvent.VK_SPACE;
            case "enter" -> KeyEvent.VK_ENTER;
            default -> KeyEvent.getExtendedKeyCodeForChar(key.charAt(0));
        };
    }
}
