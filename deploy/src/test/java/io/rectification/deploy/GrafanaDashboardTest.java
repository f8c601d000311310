package io.rectification.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rectification.deploy.DeploymentManifestsTest.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-maintained Grafana dashboard reads what the services export, once per replica set. */
class GrafanaDashboardTest {

    /** Gauges every reporting replica counts from the same read models: summing them over replicas counts twice. */
    private static final Pattern READ_MODEL_GAUGE =
            Pattern.compile("rectification_(tasks_overdue|tasks|feedback_received|feedback_answered)\\{");

    @Test
    void everyPanelReadsMetricsTheServicesExport() throws IOException {
        for (JsonNode target : targets()) {
            ExportedMetrics.assertReadsExportedMetrics(target.path("panel").asText(), target.path("expr").asText());
        }
    }

    @Test
    void readModelGaugesAreTakenOncePerReplicaSetBeforeSumming() throws IOException {
        List<JsonNode> targets = targets();
        assertFalse(targets.isEmpty());
        for (JsonNode target : targets) {
            String expr = target.path("expr").asText();
            Matcher gauge = READ_MODEL_GAUGE.matcher(expr);
            while (gauge.find()) {
                assertTrue(expr.substring(0, gauge.start()).endsWith("max without (instance, pod) ("),
                        target.path("panel").asText() + " sums " + gauge.group(1) + " over replicas: " + expr);
            }
        }
    }

    @Test
    void taskPanelsFollowTheChosenUnits() throws IOException {
        JsonNode dashboard = dashboard();
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        assertEquals(List.of("datasource", "job", "unit"), variables);
        for (JsonNode target : targets()) {
            Matcher task = Pattern.compile("rectification_tasks(_overdue)?\\{([^}]*)}").matcher(target.path("expr").asText());
            while (task.find()) {
                assertTrue(task.group(2).contains("unit=~\"$unit\""), target.path("panel").asText() + " ignores the unit filter");
            }
        }
    }

    private static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/rectification-dashboard.json").toFile());
    }

    /** Each panel's queries, with the panel's title added as "panel" for the messages. */
    private static List<JsonNode> targets() throws IOException {
        List<JsonNode> targets = new ArrayList<>();
        for (JsonNode panel : dashboard().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                targets.add(((ObjectNode) target.deepCopy()).put("panel", panel.path("title").asText()));
            }
        }
        return targets;
    }
}
