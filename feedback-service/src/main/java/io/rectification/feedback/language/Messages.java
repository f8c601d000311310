package io.rectification.feedback.language;

import java.util.Map;

/** Every sentence the public may read in a refusal or on the tracking page, in Chinese and English. */
public final class Messages {

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("invalid.title", new String[]{"提交内容有误", "Invalid submission"}),
            Map.entry("invalid.detail", new String[]{"请检查标出的内容后重新提交。", "Please correct the fields named and submit again."}),
            Map.entry("body.missing", new String[]{"请求内容为空。", "The request has no body."}),
            Map.entry("json.malformed", new String[]{"请求内容不是有效的 JSON。", "The body is not valid JSON."}),
            Map.entry("json.notObject", new String[]{"请求内容应为一个 JSON 对象（{…}）。", "The body must be a JSON object ({…})."}),
            Map.entry("json.unknownField", new String[]{"不是可以提交的字段。", "is not a field that can be submitted"}),
            Map.entry("json.badValue", new String[]{"格式不正确。", "has the wrong format"}),
            Map.entry("field.required", new String[]{"请填写此项。", "is required"}),
            Map.entry("field.tooLong", new String[]{"不能超过 %d 个字符。", "must be at most %d characters"}),
            Map.entry("field.control", new String[]{"含有不允许的控制字符。", "contains control characters, which are not allowed"}),
            Map.entry("field.phone", new String[]{"请填写有效的电话号码（数字，可含 +、-、空格、括号）。",
                    "must be a phone number (digits, optionally +, -, spaces, brackets)"}),
            Map.entry("field.email", new String[]{"请填写有效的电子邮箱地址。", "must be an email address"}),
            Map.entry("id.invalid", new String[]{"不是有效的编号，请检查链接是否完整。", "is not an id (a UUID)"}),
            Map.entry("field.submissionKey", new String[]{"应为 22 到 64 位的字母、数字、- 或 _（由表单自动生成）。",
                    "must be 22 to 64 of A-Z, a-z, 0-9, - and _ (the form draws it)"}),
            Map.entry("honeypot", new String[]{"此项应留空，提交未被受理。", "must be left empty; the submission was not accepted"}),
            Map.entry("window.title", new String[]{"不在受理期限内", "Outside the disclosure window"}),
            Map.entry("window.notYet", new String[]{"本次公布的意见建议受理时间为%s，尚未开始受理。",
                    "Feedback on this publication is accepted %s; that has not begun yet."}),
            Map.entry("window.over", new String[]{"本次公布的意见建议受理时间为%s，受理期限已过。",
                    "Feedback on this publication was accepted %s; that time is over."}),
            Map.entry("publication.notFound", new String[]{"未找到该公布（%s）。", "Publication %s does not exist."}),
            Map.entry("notFound.title", new String[]{"未找到", "Not found"}),
            Map.entry("duplicate.title", new String[]{"重复提交", "Duplicate submission"}),
            Map.entry("duplicate.detail", new String[]{"您刚刚已提交过相同的内容，查询码为 %s，无需重复提交。",
                    "You recently submitted the same text; its tracking code is %s. There is no need to send it again."}),
            Map.entry("duplicate.neutral", new String[]{"相同内容已于近期收到，无需重复提交；请使用提交成功时获得的查询码查询办理进度。",
                    "The same text was received recently; there is no need to send it again. Please follow it with the "
                            + "tracking code given when it was submitted."}),
            Map.entry("rate.title", new String[]{"操作过于频繁", "Too many requests"}),
            Map.entry("rate.detail", new String[]{"请在 %d 秒后再试。", "Please try again in %d seconds."}),
            Map.entry("unavailable.title", new String[]{"暂时无法受理", "Temporarily unavailable"}),
            Map.entry("unavailable.detail", new String[]{"提交未能保存，请在 %d 秒后重新提交。",
                    "The submission could not be stored; please send it again in %d seconds."}),
            Map.entry("code.invalid", new String[]{"查询码格式不正确，应为 16 位字母和数字（可带连字符）。",
                    "A tracking code has 16 letters and digits (dashes optional)."}),
            Map.entry("code.unknown", new String[]{"没有与此查询码对应的意见建议。", "No feedback has this tracking code."}),
            Map.entry("apiKey.missing", new String[]{"请提供 api_key（接入系统的令牌）。",
                    "is required (the token issued to your system)"}),
            Map.entry("apiKey.searchMissing", new String[]{"不带 service_request_id 的查询须提供 api_key。",
                    "is required to search without service_request_id"}),
            Map.entry("apiKey.invalid.title", new String[]{"api_key 无效", "Invalid api_key"}),
            Map.entry("apiKey.invalid", new String[]{"api_key 无效、已过期或不属于接入系统。",
                    "The api_key is not valid, has expired, or is not issued to an integration client."}),
            Map.entry("open311.ids", new String[]{"最多 %d 个，以逗号分隔。", "at most %d, separated by commas"}),
            Map.entry("open311.datetime", new String[]{"应为带时区的 ISO 8601 时间，如 2025-11-06T00:00:00+08:00。",
                    "must be an ISO 8601 date-time with a time zone, e.g. 2025-11-06T00:00:00+08:00"}),
            Map.entry("open311.years", new String[]{"应在 %d 年到 %d 年之间。", "must be within the years %d to %d"}),
            Map.entry("open311.range", new String[]{"查询时段不能超过 %d 天，且结束不能早于开始。",
                    "the period may be at most %d days and must not end before it starts"}),
            Map.entry("open311.status", new String[]{"应为 open、closed 或 open,closed。", "must be open, closed or open,closed"}),
            Map.entry("open311.serviceCode", new String[]{"应为以下之一：%s。", "must be one of %s"}),
            Map.entry("open311.number", new String[]{"应为 %d 到 %d 之间的整数。", "must be a whole number from %d to %d"}),
            Map.entry("link.otherInspection", new String[]{"不是本次公布所涉巡视的整改事项，请在本页列出的方面和整改措施中选择。",
                    "is not part of the rectification of the inspection this publication concerns; choose among the"
                            + " areas and measures the form offers"}),
            Map.entry("link.otherArea", new String[]{"不是所选方面下的整改措施，请在该方面列出的整改措施中选择。",
                    "is not a measure of the area given; choose among the measures the form lists under that area"}),
            Map.entry("link.unknown.title", new String[]{"未找到整改事项", "Unknown part of the rectification plan"}),
            Map.entry("link.unknown", new String[]{"未找到该整改事项；如系刚刚登记，请稍后重试。",
                    "is not known here; if it was registered just now, try again in a few seconds"}),
            Map.entry("link.cancelled", new String[]{"您的意见建议所关联的整改事项因录入有误，已从整改台账中撤销。",
                    "The part of the rectification plan your feedback is linked to was entered by mistake and has been"
                            + " removed from the rectification ledger."}),
            Map.entry("link.cancelled.open", new String[]{
                    "您的意见建议所关联的整改事项因录入有误，已从整改台账中撤销；您的意见建议仍在办理中，将重新研判。",
                    "The part of the rectification plan your feedback is linked to was entered by mistake and has been"
                            + " removed from the rectification ledger; your feedback is still being handled and will"
                            + " be looked at again."}));

    private Messages() {
    }

    public static String get(Language language, String key, Object... args) {
        String[] texts = TEXT.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        String text = texts[language == Language.EN ? 1 : 0];
        return args.length == 0 ? text : String.format(text, args);
    }
}
