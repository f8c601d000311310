package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three ways a notice is put to the webhook's endpoint, without a network (WebhookTest sends JSON for real). */
@Tag("fast")
class WebhookFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookCalls.Body BODY = new WebhookCalls.Body("CLAIM_TO_VERIFY|t|2", NoticeKind.CLAIM_TO_VERIFY,
            "销号申请待核验", "2026-12-05T12:00:00+08:00", new WebhookCalls.Audience(java.util.List.of("supervisor"), null), null,
            "【销号待核验】任务（一）3.二是：清理违规占用办公用房", "任务：（一）3.二是 清理违规占用办公用房\n责任单位：机关事务局");
    private static final long AT = 1_796_443_371_028L;

    @Test
    void jsonIsThisSystemsBodySignedWithItsHeaders() throws Exception {
        String payload = WebhookFormat.JSON.payload(BODY);
        assertEquals("CLAIM_TO_VERIFY", JSON.readTree(payload).get("kind").asText());
        HttpRequest request = WebhookFormat.JSON.request("https://hooks.example.gov.cn/zg", payload, "s3cret", AT, 42).build();
        assertEquals("https://hooks.example.gov.cn/zg", request.uri().toString());
        assertEquals("1796443371", request.headers().firstValue(WebhookSignature.TIMESTAMP_HEADER).orElseThrow());
        assertEquals(WebhookSignature.sign("s3cret", 1_796_443_371L, payload),
                request.headers().firstValue(WebhookSignature.SIGNATURE_HEADER).orElseThrow());
        assertEquals("42", request.headers().firstValue(WebhookSignature.DELIVERY_HEADER).orElseThrow());
        assertNull(WebhookFormat.JSON.refusal(204, ""));
        assertEquals("answered 503", WebhookFormat.JSON.refusal(503, ""));
    }

    @Test
    void aRobotGetsATextMessageOfTheTitleAndText() throws Exception {
        for (WebhookFormat robot : new WebhookFormat[]{WebhookFormat.WECOM, WebhookFormat.DINGTALK}) {
            JsonNode message = JSON.readTree(robot.payload(BODY));
            assertEquals("text", message.get("msgtype").asText(), robot.name());
            assertEquals(BODY.title() + "\n" + BODY.text(), message.at("/text/content").asText(), robot.name());
            assertEquals(2, message.size(), robot + ": nothing but what the robot reads");
        }
        HttpRequest wecom = WebhookFormat.WECOM.request("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K",
                "{}", "", AT, 42).build();
        assertEquals("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K", wecom.uri().toString());
        assertTrue(wecom.headers().firstValue(WebhookSignature.SIGNATURE_HEADER).isEmpty());
    }

    /** The vector computed apart from this code (Python's hmac): DingTalk's 加签 of timestamp "\n" secret. */
    @Test
    void dingTalkWithASecretSignsTheAddressAsItsSecuritySettingAsks() {
        String secret = "SEC000000000000000000000";
        assertEquals("4CIW0hOP/qqLPXTh/pVmdzj7swSrnbEcUnpw0i62jgE=", WebhookFormat.dingTalkSign(secret, AT));
        HttpRequest signed = WebhookFormat.DINGTALK.request("https://oapi.dingtalk.com/robot/send?access_token=T", "{}", secret, AT, 42).build();
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1796443371028"
                + "&sign=4CIW0hOP%2FqqLPXTh%2FpVmdzj7swSrnbEcUnpw0i62jgE%3D", signed.uri().toString());
        HttpRequest unsigned = WebhookFormat.DINGTALK.request("https://oapi.dingtalk.com/robot/send?access_token=T", "{}", "", AT, 42).build();
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=T", unsigned.uri().toString());
    }

    /** The robots answer 200 when they refuse too: only errcode 0 is a delivery; a refusal is tried again. */
    @Test
    void aRobotsRefusalInsideA200IsAFailure() {
        assertNull(WebhookFormat.WECOM.refusal(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        assertEquals("errcode 45009: api freq out of limit",
                WebhookFormat.WECOM.refusal(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
        assertEquals("errcode 310000: sign not match",
                WebhookFormat.DINGTALK.refusal(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
        assertEquals("answered 200 with no JSON: <html>", WebhookFormat.DINGTALK.refusal(200, "<html>"));
        assertEquals("answered 200 without an errcode: {}", WebhookFormat.WECOM.refusal(200, "{}"));
        assertEquals("answered 502", WebhookFormat.WECOM.refusal(502, "{\"errcode\":0}"));
    }

    @Test
    void aLongTextIsCutBetweenCharactersToWhatTheRobotTakes() throws Exception {
        WebhookCalls.Body longBody = new WebhookCalls.Body("k", NoticeKind.CLAIM_TO_VERIFY, "l", "t", null, null,
                "标题", "整".repeat(1000));
        String content = JSON.readTree(WebhookFormat.WECOM.payload(longBody)).at("/text/content").asText();
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= WebhookFormat.ROBOT_TEXT_BYTES && bytes > WebhookFormat.ROBOT_TEXT_BYTES - 3, "bytes: " + bytes);
        assertTrue(content.startsWith("标题\n整整") && content.endsWith("整…"), content.substring(content.length() - 5));
        assertEquals("短", WebhookFormat.cut("短", 10));
        assertEquals("𠀀…", WebhookFormat.cut("𠀀𠀀𠀀", 8), "a character outside the BMP is kept whole or not at all");
    }
}
