package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The remembered window placement: stored and read back, reused only where it still fits a screen. */
class WindowPlacementTest {

    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1080);
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1280, 720);

    @Test
    void firstStartIsThePreferredSizeCentredOrTheScreenLessItsMargins() {
        WindowPlacement big = WindowPlacement.firstStart(FULL_HD);
        assertEquals(new WindowPlacement(240, 90, 1440, 900, false), big);
        WindowPlacement small = WindowPlacement.firstStart(SMALL);
        assertEquals(1280 - WindowPlacement.MARGIN_WIDTH, small.width());
        assertEquals(720 - WindowPlacement.MARGIN_HEIGHT, small.height());
        assertTrue(small.fits(List.of(SMALL)));
    }

    @Test
    void storedFormReadsBackAndMalformedOnesAreIgnored() {
        WindowPlacement p = new WindowPlacement(12, -3, 1000, 700, true);
        assertEquals(Optional.of(p), WindowPlacement.decode(p.encode()));
        assertEquals(Optional.empty(), WindowPlacement.decode(null));
        assertEquals(Optional.empty(), WindowPlacement.decode("1 2 3"));
        assertEquals(Optional.empty(), WindowPlacement.decode("a b c d true"));
    }

    @Test
    void aPlacementOffEveryScreenOrLargerThanItsScreenIsNotReused() {
        assertTrue(new WindowPlacement(100, 100, 1000, 700, false).fits(List.of(SMALL)));
        assertFalse(new WindowPlacement(2500, 100, 1000, 700, false).fits(List.of(FULL_HD)), "unplugged monitor");
        assertFalse(new WindowPlacement(0, 0, 1900, 1000, false).fits(List.of(SMALL)), "from a bigger screen");
        assertFalse(new WindowPlacement(0, 0, 200, 100, false).fits(List.of(SMALL)), "collapsed");
        assertTrue(new WindowPlacement(2000, 100, 1000, 700, false)
                .fits(List.of(FULL_HD, new Rectangle2D(1920, 0, 1920, 1080))), "second monitor");
    }
}
