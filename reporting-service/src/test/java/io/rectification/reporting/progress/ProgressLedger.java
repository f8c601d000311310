package io.rectification.reporting.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rectification.reporting.ContractEvents;

import java.util.UUID;

/**
 * A small inspection in mid-rectification, sent as contract events: two areas of the inspection's
 * findings with measures in every state (one closed out, one claimed, one reopened after a
 * look-back and one claimed again after one, one in progress with an indicator, one not started and overdue), a self-found problem,
 * a 举一反三 extension and an area of escalated feedback (none is the inspection's), and a publication whose window is
 * 2025-11-06 to 11-13 in Asia/Shanghai. Every task names its lead official, responsible person and
 * unit, which the public page must never show.
 */
final class ProgressLedger {

    static final String STAFF_NAMES = "张副主任|李处长|经济发展局";

    final ContractEvents plan = new ContractEvents();
    final UUID publication;

    ProgressLedger() {
        plan.registerInspection();
        UUID area1 = plan.registerArea(1, "贯彻落实党中央决策部署和省委要求不到位");
        UUID area2 = plan.registerArea(2, "推进管理机制改革不彻底，统筹推动发展不到位");
        UUID p11 = plan.registerProblem(area1, 1, "做好优化营商环境重点工作");
        UUID p12 = plan.registerProblem(area1, 2, "强化重大项目监管");
        UUID p21 = plan.registerProblem(area2, 1, "推进机构人事改革");
        UUID selfFound = plan.registerProblem(area1, 3, "公务用车管理不规范", "SELF_FOUND");
        plan.registerProblemExtending(area1, 4, "园区企业服务专员制度落实不到位", p12);
        UUID feedbackArea = plan.registerArea(3, "群众反馈意见建议");
        UUID feedback = plan.registerProblem(feedbackArea, 1, "物业收费不透明", "FEEDBACK");
        ContractEvents.sendTask("TaskVerified", plan.task(UUID.randomUUID(), area1, p11, 1, "VERIFIED", "2024-12-31")
                .put("title", "强化服务意识"), 4);
        ContractEvents.sendTask("TaskCompletionClaimed", plan.task(UUID.randomUUID(), area1, p11, 2, "COMPLETION_CLAIMED",
                "2025-12-31").put("title", "全力解决政府失信问题").put("percentComplete", 100)
                .put("reopenCount", 1), 3);
        ContractEvents.sendTask("TaskReopened", plan.task(UUID.randomUUID(), area1, p12, 1, "REOPENED", "2025-12-31")
                .put("title", "强化履约监管").put("percentComplete", 80).put("reopenCount", 1), 6);
        ArrayNode indicators = new ObjectMapper().createArrayNode();
        indicators.addObject().put("id", UUID.randomUUID().toString()).put("name", "空编率降低").put("unit", "%")
                .put("baseline", 0).put("target", 10).put("latestActual", 10.0);
        ContractEvents.sendTask("TaskUpdated", plan.task(UUID.randomUUID(), area2, p21, 1, "IN_PROGRESS", "2025-12-31")
                .put("title", "积极招聘事业编制人员").put("percentComplete", 60).set("indicators", indicators), 3);
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area2, p21, 2, "PLANNED", "2025-06-30")
                .put("title", "完成编制外人员清退工作").put("percentComplete", 0), 1);
        ContractEvents.sendTask("TaskVerified", plan.task(UUID.randomUUID(), area1, selfFound, 1, "VERIFIED", "2025-03-31")
                .put("title", "建立公务用车台账"), 4);
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), feedbackArea, feedback, 1, "PLANNED", "2025-06-30")
                .put("title", "公开物业收费标准"), 1);
        publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
    }
}
