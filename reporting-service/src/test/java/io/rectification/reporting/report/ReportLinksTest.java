package io.rectification.reporting.report;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A published report leads on to the feedback form of its publication and to the progress page: a link
 * to each in the HTML, the Markdown and the PDF, and a QR code of the form (decoded back here) in the
 * HTML and the PDF; the PDF's pages carry GB/T 9704 page numbers ("— 1 —").
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReportLinksTest {

    /** %test.reporting.public.site-url */
    static final String SITE = "https://zhenggai.example.gov.cn";

    @Test
    void theReportLinksTheFormWithAQrCodeAndTheProgressPageAndNumbersItsPdfPages() throws Exception {
        ReportFiguresTest.Ledger ledger = new ReportFiguresTest.Ledger();
        String inspection = ledger.plan.inspectionId.toString();
        // a long section 一, so the PDF runs to more than one page
        ledger.draft(Map.of("leadershipResponsibility", String.join("\n", java.util.Collections.nCopies(40,
                "党工委坚决扛起巡视整改主体责任，第一时间成立整改工作领导小组，全面加强对整改工作的组织领导。"))));
        await().atMost(ReportFiguresTest.WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/checks")
                .then().statusCode(200).body("publishable", equalTo(true)));
        String publishedAt = DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(201).extract().path("publishedAt");
        String day = java.time.OffsetDateTime.parse(publishedAt).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
        String form = SITE + "/feedback/index.html?publication=" + ledger.publication;
        String progress = SITE + "/reports/" + inspection + "/progress.html";

        Document page = Jsoup.parse(given().when().get("/reports/" + inspection + "/versions/1.html")
                .then().statusCode(200).extract().asString());
        assertEquals("网上提交意见建议：" + form, page.select("p.link").get(0).text());
        assertEquals(form, page.select("p.link a").get(0).attr("href"));
        assertEquals(progress, page.select("p.link a").get(1).attr("href"));
        Element qr = page.selectFirst("figure.qr img");
        assertTrue(qr != null && qr.attr("src").startsWith("data:image/png;base64,"), String.valueOf(qr));
        assertEquals("扫码提交意见建议", qr.attr("alt"));
        // the code and the signature: the code comes before the signature, after the contact lines
        assertEquals("p", page.selectFirst("figure.qr").nextElementSibling().tagName());
        assertTrue(page.selectFirst("figure.qr").nextElementSibling().hasClass("signature"));
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(qr.attr("src").substring("data:image/png;base64,".length()))));
        assertEquals(form, decode(code));

        given().when().get("/reports/" + inspection + "/versions/1.md").then().statusCode(200)
                .body(containsString("网上提交意见建议：<" + form + ">"))
                .body(containsString("整改进展：<" + progress + ">"));

        byte[] pdf = given().when().get("/reports/" + inspection + "/versions/1.pdf").then().statusCode(200)
                // shown in the browser, and saved as the office files it: whose, which version, published when
                .header("Content-Disposition", equalTo("inline; filename=\"report-v1-" + day + ".pdf\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode("巡视整改进展情况通报-省委第七巡视组-第1版-" + day + ".pdf",
                        java.nio.charset.StandardCharsets.UTF_8)))
                .extract().asByteArray();
        Files.createDirectories(Path.of("target", "report-links"));
        Files.write(Path.of("target", "report-links", "report.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 2, "pages: " + document.getNumberOfPages());
            for (int number = 1; number <= document.getNumberOfPages(); number++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(number);
                stripper.setEndPage(number);
                String text = stripper.getText(document);
                assertTrue(text.contains("— " + number + " —"), "page " + number + ":\n" + text);
            }
            String all = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertTrue(all.contains("网上提交意见建议：" + form), all);
            // the QR code is in the PDF too, and reads as the form's address
            PDPage last = document.getPage(document.getNumberOfPages() - 1);
            BufferedImage image = null;
            for (COSName name : last.getResources().getXObjectNames()) {
                if (last.getResources().getXObject(name) instanceof PDImageXObject xObject) {
                    image = xObject.getImage();
                }
            }
            assertTrue(image != null, "an image on the last page");
            assertEquals(form, decode(image));
        }
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
