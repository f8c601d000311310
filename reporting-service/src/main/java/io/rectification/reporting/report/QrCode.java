package io.rectification.reporting.report;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/**
 * A QR code of an address as a PNG data URI: one image the browser (the CSP allows img-src data:)
 * and the PDF layout (openhtmltopdf reads PNG, not SVG, without Batik) both show, so the page and its
 * PDF carry the same code. Black modules on white, 8 pixels each, with the standard 4-module quiet zone.
 */
final class QrCode {

    static final int MODULE_PIXELS = 8;
    private static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    static String pngDataUri(String text) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + text, e);
        }
        int side = (modules.getWidth() + 2 * QUIET_ZONE) * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / MODULE_PIXELS - QUIET_ZONE;
                int my = y / MODULE_PIXELS - QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < modules.getWidth() && my < modules.getHeight() && modules.get(mx, my);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
