package org.anilexplorer.figure;

/**
 * Colour-vision deficiency simulation and perceptual colour difference, for testing the palette.
 * Dichromacy is simulated with the full-severity matrices of Machado, Oliveira &amp; Fernandes (2009), applied in
 * linear sRGB; colours are compared in CIELAB (D65) by CIEDE2000 (Sharma, Wu &amp; Dalal 2005).
 */
final class ColourVision {

    enum Deficiency {
        NONE(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
        PROTANOPIA(new double[][] {
                {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}),
        DEUTERANOPIA(new double[][] {
                {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}),
        TRITANOPIA(new double[][] {
                {1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}});

        private final double[][] matrix;

        Deficiency(double[][] matrix) {
            this.matrix = matrix;
        }
    }

    private ColourVision() {
    }

    /** The CIELAB colour a viewer with this deficiency perceives for an sRGB 0xRRGGBB colour. */
    static double[] perceivedLab(int rgb, Deficiency deficiency) {
        double[] linear = {linear((rgb >> 16) & 0xFF), linear((rgb >> 8) & 0xFF), linear(rgb & 0xFF)};
        double[] seen = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += deficiency.matrix[i][j] * linear[j];
            }
            seen[i] = Math.min(1, Math.max(0, s)); // out-of-gamut results are clipped, as a display would
        }
        return lab(seen);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** CIELAB of a linear sRGB colour, D65 white. */
    static double[] lab(double[] linear) {
        double x = 0.4124564 * linear[0] + 0.3575761 * linear[1] + 0.1804375 * linear[2];
        double y = 0.2126729 * linear[0] + 0.7151522 * linear[1] + 0.0721750 * linear[2];
        double z = 0.0193339 * linear[0] + 0.1191920 * linear[1] + 0.9503041 * linear[2];
        double fx = f(x / 0.95047);
        double fy = f(y);
        double fz = f(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        double delta = 6.0 / 29;
        return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29;
    }

    /** The CIEDE2000 colour difference ΔE₀₀ (k_L = k_C = k_H = 1). */
    static double ciede2000(double[] lab1, double[] lab2) {
        double l1 = lab1[0], a1 = lab1[1], b1 = lab1[2];
        double l2 = lab2[0], a2 = lab2[1], b2 = lab2[2];
        double cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
        double g = 0.5 * (1 - Math.sqrt(pow7(cBar) / (pow7(cBar) + pow7(25))));
        double a1p = (1 + g) * a1;
        double a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1);
        double c2p = Math.hypot(a2p, b2);
        double h1p = hueDegrees(b1, a1p);
        double h2p = hueDegrees(b2, a2p);

        double dL = l2 - l1;
        double dC = c2p - c1p;
        double dh = 0;
        if (c1p * c2p != 0) {
            dh = h2p - h1p;
            if (dh > 180) {
                dh -= 360;
            } else if (dh < -180) {
                dh += 360;
            }
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));

        double lBar = (l1 + l2) / 2;
        double cBarP = (c1p + c2p) / 2;
        double hBar;
        if (c1p * c2p == 0) {
            hBar = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hBar = (h1p + h2p) / 2;
        } else if (h1p + h2p < 360) {
            hBar = (h1p + h2p + 360) / 2;
        } else {
            hBar = (h1p + h2p - 360) / 2;
        }
        double t = 1 - 0.17 * cos(hBar - 30) + 0.24 * cos(2 * hBar) + 0.32 * cos(3 * hBar + 6) - 0.20 * cos(4 * hBar - 63);
        double dTheta = 30 * Math.exp(-Math.pow((hBar - 275) / 25, 2));
        double rC = 2 * Math.sqrt(pow7(cBarP) / (pow7(cBarP) + pow7(25)));
        double sL = 1 + 0.015 * (lBar - 50) * (lBar - 50) / Math.sqrt(20 + (lBar - 50) * (lBar - 50));
        double sC = 1 + 0.045 * cBarP;
        double sH = 1 + 0.015 * cBarP * t;
        double rT = -Math.sin(Math.toRadians(2 * dTheta)) * rC;
        double tl = dL / sL;
        double tc = dC / sC;
        double th = dH / sH;
        return Math.sqrt(tl * tl + tc * tc + th * th + rT * tc * th);
    }

    private static double hueDegrees(double b, double aPrime) {
        if (b == 0 && aPrime == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, aPrime));
        return h < 0 ? h + 360 : h;
    }

    private static double cos(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }

    private static double pow7(double x) {
        double x2 = x * x;
        return x2 * x2 * x2 * x;
    }
}
