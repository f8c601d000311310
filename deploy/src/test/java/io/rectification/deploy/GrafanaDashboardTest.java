package io.rectification.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
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
@Tag("fast")
class GrafanaDashboardTest {

    @Test
    void everyPanelReadsMetricsTheServicesExport() throws IOException {
        for (JsonNode target : targets()) {
            ExportedMetrics.assertReadsExportedMetrics(target.path("panel").asText(), target.path("expr").asText());
        }
    }

    @Test
    void replicatedGaugesAreTakenOncePerReplicaSetBeforeSumming() throws IOException {
        List<JsonNode> targets = targets();
        assertFalse(targets.isEmpty());
        for (JsonNode target : targets) {
            ReplicatedGauges.assertTakenOncePerReplicaSet(target.path("panel").asText(), target.path("expr").asText());
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
