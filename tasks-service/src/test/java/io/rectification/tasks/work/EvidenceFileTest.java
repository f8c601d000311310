package io.rectification.tasks.work;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class EvidenceFileTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void evidenceFileIsTypeAndSizeCheckedAndDownloadable() {
        Evidence evidence = Evidence.onNewTask("强化政府性基金监管", "DOCUMENT", "沈阳浑南产业投资母基金管理办法");
        String taskId = evidence.taskId();
        String url = evidence.fileUrl();

        given().contentType("application/x-msdownload").body(PDF).queryParam("filename", "a.exe").put(url)
                .then().statusCode(415).contentType("application/problem+json")
                .body("allowedContentTypes", hasItem("application/pdf"));
        given().contentType("application/pdf").body("MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1))
                .queryParam("filename", "办法.pdf").put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("Content-Type"));
        byte[] tooLarge = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
        given().contentType("application/pdf").body(tooLarge).queryParam("filename", "办法.pdf").put(url)
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/pdf").body(PDF).put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("filename"));

        given().contentType("application/pdf").body(PDF).queryParam("filename", "母基金管理办法.pdf").put(url)
                .then().statusCode(200).body("size", equalTo(PDF.length)).body("contentType", equalTo("application/pdf"));
        byte[] downloaded = given().get(url).then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        assertArrayEquals(PDF, downloaded);
        given().get("/tasks/" + taskId + "/evidence").then().body("[0].file.filename", equalTo("母基金管理办法.pdf"));
        given().get("/tasks/" + taskId + "/evidence/7d1f9a52-0000-4000-8000-000000000000/file").then().statusCode(404);
    }

    /**
     * The name's extension is the type's (a PDF saved as x.html opens as a web page where it is
     * downloaded), and a DOCX is a Word document, not a ZIP holding a program nor eleven bytes that
     * only begin like a ZIP: each a 400 naming the field and, for the content, the file.
     */
    @Test
    void aFileNamedForAnotherTypeOrADocumentThatIsNoneIsRefused() {
        Evidence evidence = Evidence.onNewTask("规范合同管理", "DOCUMENT", "合同管理办法");
        String url = evidence.fileUrl();
        byte[] exeOnly = OfficeDocumentCheckTest.zip(Map.of("evil.exe", "MZ\u0090 a program".getBytes(StandardCharsets.ISO_8859_1)));

        given().contentType("application/pdf").body(PDF).queryParam("filename", "x.html").put(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("filename"))
                .body("errors[0].message", equalTo("the name must end in .pdf for a file of type application/pdf"));
        given().contentType(EvidenceContent.DOCX).body(OfficeDocumentCheckTest.docx()).queryParam("filename", "办法.pdf").put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("filename"));
        given().contentType(EvidenceContent.DOCX).body(exeOnly).queryParam("filename", "report.docx").put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("report.docx is not a Word document (DOCX): it holds no [Content_Types].xml"));
        given().contentType(EvidenceContent.DOCX).body("PK\u0003\u0004garbage".getBytes(StandardCharsets.US_ASCII))
                .queryParam("filename", "report.docx").put(url)
                .then().statusCode(400).body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("cut short"));
        given().get(url).then().statusCode(404);

        given().contentType(EvidenceContent.DOCX).body(OfficeDocumentCheckTest.docx()).queryParam("filename", "合同管理办法.DOCX")
                .put(url).then().statusCode(200).body("contentType", equalTo(EvidenceContent.DOCX));
    }

    /**
     * Attaching a file is a task command like the others: an officer of another unit is refused
     * (403) before and after close-out, and once closed out (销号) the evidence is fixed for
     * everyone (409); the audit trail records which file (its SHA-256) was attached.
     */
    @Test
    void evidenceFileIsTheTaskUnitsAndFixedOnceClosedOut() throws Exception {
        Evidence evidence = Evidence.onNewTask("规范国有资产出租", "LEDGER", "资产出租台账");
        String taskId = evidence.taskId();
        String evidenceId = evidence.evidenceId();
        String url = evidence.fileUrl();
        byte[] otherPdf = "%PDF-1.7\n% replaced by another unit\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        asOfficerOf("招商局").contentType("application/pdf").body(otherPdf).queryParam("filename", "x.pdf").put(url)
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("财政金融局"));
        asOfficerOf("财政金融局").contentType("application/pdf").body(PDF).queryParam("filename", "台账.pdf").put(url)
                .then().statusCode(200).body("sha256", equalTo(sha256(PDF)));

        given().post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
        given().header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification").then().statusCode(200)
                .body("state", equalTo("VERIFIED"));

        asOfficerOf("招商局").contentType("application/pdf").body(otherPdf).queryParam("filename", "x.pdf").put(url)
                .then().statusCode(403).contentType("application/problem+json");
        asOfficerOf("财政金融局").contentType("application/pdf").body(otherPdf).queryParam("filename", "x.pdf").put(url)
                .then().statusCode(409).contentType("application/problem+json").body("state", equalTo("VERIFIED"));
        given().contentType("application/pdf").body(otherPdf).queryParam("filename", "x.pdf").put(url)
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("type", "DOCUMENT", "title", "补充材料", "date", "2024-12-01"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(409);

        assertArrayEquals(PDF, given().get(url).then().statusCode(200).extract().asByteArray());
        given().get("/tasks/" + taskId + "/audit").then().statusCode(200)
                .body("find { it.after.evidenceFile != null }.after.evidenceFile.sha256", equalTo(sha256(PDF)))
                .body("find { it.after.evidenceFile != null }.after.evidenceFile.evidenceId", equalTo(evidenceId))
                .body("findAll { it.after.evidenceFile != null }.size()", equalTo(1));
    }

    private static io.restassured.specification.RequestSpecification asOfficerOf(String unit) {
        return given().header("X-Actor", "officer." + unit.hashCode()).header("X-Test-Roles", "officer")
                .header("X-Test-Unit", unit);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** A piece of evidence, without its file yet, of a task made for the test. */
    /**
     * An evidence entry and its file are parts of the task: their answers carry the task's version as ETag,
     * the one its GET gives, so the entry's file goes up with If-Match without reading the task again, and
     * a replacement based on a version someone else has since moved is refused (412).
     */
    @Test
    void anEntryAndItsFileAnswerWithTheTasksEtagForTheNextIfMatch() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("规范公务用车", "2024-12-31", "TIME_BOUND", ""));
        var added = given().contentType(ContentType.JSON).body(Map.of("type", "LEDGER", "title", "公务用车台账", "date", "2024-11-20"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201).extract();
        String created = added.header("ETag");
        assertEquals(given().get("/tasks/" + taskId).then().extract().header("ETag"), created);
        String url = "/tasks/" + taskId + "/evidence/" + added.path("id") + "/file";

        String attached = given().header("If-Match", created).contentType("application/pdf").body(PDF)
                .queryParam("filename", "台账.pdf").put(url).then().statusCode(200).extract().header("ETag");
        assertEquals(given().get("/tasks/" + taskId).then().extract().header("ETag"), attached);
        given().header("If-Match", created).contentType("application/pdf").body(PDF).queryParam("filename", "台账2.pdf")
                .put(url).then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", attached).contentType("application/pdf").body(PDF).queryParam("filename", "台账2.pdf")
                .put(url).then().statusCode(200);
    }

    /**
     * An entry's first file needs no If-Match; replacing it does (428 naming If-Match), so that of two uploads
     * sent at once the second cannot silently replace the first: it is refused (428, or 412 for the version it
     * names) and the first file stays, the only one in the audit trail.
     */
    @Test
    void replacingAFileNeedsIfMatchSoThatASecondUploadCannotSilentlyReplaceTheFirst() throws Exception {
        Evidence evidence = Evidence.onNewTask("规范公务接待", "LEDGER", "公务接待台账");
        String url = evidence.fileUrl();
        String before = given().get("/tasks/" + evidence.taskId()).then().extract().header("ETag");
        byte[] second = "%PDF-1.7\n% a second upload of the same entry\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        String first = given().contentType("application/pdf").body(PDF).queryParam("filename", "接待台账.pdf").put(url)
                .then().statusCode(200).extract().header("ETag");
        given().contentType("application/pdf").body(second).queryParam("filename", "接待台账2.pdf").put(url)
                .then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match")).body("detail", containsString("接待台账.pdf"));
        // based on the task as it was before the first upload: stale
        given().header("If-Match", before).contentType("application/pdf").body(second).queryParam("filename", "接待台账2.pdf")
                .put(url).then().statusCode(412).contentType("application/problem+json");
        assertArrayEquals(PDF, given().get(url).then().statusCode(200).extract().asByteArray());
        given().header("X-Test-Roles", "coordinator").get("/tasks/" + evidence.taskId() + "/audit").then().statusCode(200)
                .body("findAll { it.after.evidenceFile != null }.size()", equalTo(1));

        // with the version the first upload answered, the replacement is deliberate
        given().header("If-Match", first).contentType("application/pdf").body(second).queryParam("filename", "接待台账2.pdf")
                .put(url).then().statusCode(200).body("sha256", equalTo(sha256(second)));
        assertArrayEquals(second, given().get(url).then().statusCode(200).extract().asByteArray());
    }

    record Evidence(String taskId, String evidenceId, String fileUrl) {
        static Evidence onNewTask(String taskTitle, String type, String title) {
            String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson(taskTitle, "2024-12-31", "TIME_BOUND", ""));
            String evidenceId = given().contentType(ContentType.JSON)
                    .body(Map.of("type", type, "title", title, "date", "2024-11-20"))
                    .post("/tasks/" + taskId + "/evidence").then().statusCode(201).extract().path("id");
            return new Evidence(taskId, evidenceId, "/tasks/" + taskId + "/evidence/" + evidenceId + "/file");
        }
    }
}
