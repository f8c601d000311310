package io.rectification.feedback.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rectification.feedback.feedback.FeedbackCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** GeoReport v2 service list: one service per feedback category. */
public enum Open311Services {
    OPINION("opinion", FeedbackCategory.OPINION, "意见", "对整改情况的意见"),
    SUGGESTION("suggestion", FeedbackCategory.SUGGESTION, "建议", "对整改工作的建议"),
    COMPLAINT("complaint", FeedbackCategory.COMPLAINT, "投诉", "对整改不到位、不落实的投诉"),
    MISCONDUCT_REPORT("misconduct_report", FeedbackCategory.MISCONDUCT_REPORT, "问题线索", "反映违规违纪问题线索");

    static final String GROUP = "意见建议";

    final String code;
    final FeedbackCategory category;
    final String serviceName;
    final String description;

    Open311Services(String code, FeedbackCategory category, String serviceName, String description) {
        this.code = code;
        this.category = category;
        this.serviceName = serviceName;
        this.description = description;
    }

    static Optional<Open311Services> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(s -> s.code).collect(java.util.stream.Collectors.joining(", "));
    }

    static Optional<Open311Services> byCategory(FeedbackCategory category) {
        return Arrays.stream(values()).filter(s -> s.category == category).findFirst();
    }

    Service describe() {
        return new Service(code, serviceName, description, true, "realtime", "整改 意见 建议", GROUP);
    }

    /** One entry of services.json. */
    @Schema(name = "Open311Service", requiredProperties = {"service_code", "service_name", "description", "metadata", "type",
            "keywords", "group"})
    public record Service(@JsonProperty("service_code") String serviceCode,
                          @JsonProperty("service_name") String serviceName,
                          String description, boolean metadata, String type, String keywords, String group) {
    }

    /** services/{code}.json: the attributes a request takes. */
    @Schema(name = "Open311ServiceDefinition", requiredProperties = {"service_code", "attributes"})
    public record Definition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {
    }

    /** {@code values} only where the choices are known (a list attribute); left out otherwise. */
    @Schema(name = "Open311Attribute", requiredProperties = {"variable", "code", "datatype", "required", "datatype_description",
            "order", "description"})
    public record Attribute(boolean variable, String code, String datatype, boolean required,
                            @JsonProperty("datatype_description") String datatypeDescription, int order,
                            String description, @JsonInclude(JsonInclude.Include.NON_NULL) List<Value> values) {
    }

    /** One choice of a list attribute: what the client sends (key) and what it shows (name). */
    @Schema(name = "Open311AttributeValue", requiredProperties = {"key", "name"})
    public record Value(String key, String name) {
    }

    /**
     * The attributes a request takes. publication_id is a single-value list of the publications
     * open for feedback now, so a generic client can offer them without knowing our ids.
     */
    static Definition definition(Open311Services service, List<Value> openPublications) {
        return new Definition(service.code, List.of(
                new Attribute(true, "publication_id", "singlevaluelist", true,
                        "the publication (公布) open for feedback: one of values", 1, "所针对的整改情况公布",
                        openPublications),
                new Attribute(true, "area_id", "string", false, "UUID of a feedback area", 2, "涉及的反馈意见方面", null),
                new Attribute(true, "task_id", "string", false, "UUID of a rectification task", 3, "涉及的整改任务",
                        null)));
    }
}
