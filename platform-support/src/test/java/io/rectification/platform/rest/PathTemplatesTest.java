package io.rectification.platform.rest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class PathTemplatesTest {

    private final PathTemplates templates = new PathTemplates(List.of("/tasks/{id}", "/tasks/summary",
            "/inspections/{inspectionId}/{list}.csv", "/inspections/{inspectionId}/{list}.xlsx", "/tasks"));

    @Test
    void theMostLiteralTemplateWins() {
        assertEquals(Optional.of("/tasks/summary"), templates.match("/tasks/summary"));
        assertEquals(List.of("/tasks/summary", "/tasks/{id}"), templates.matching("/tasks/summary"));
        assertEquals(Optional.of("/tasks/{id}"), templates.match("/tasks/7"));
    }

    @Test
    void aParameterInsideASegmentKeepsItsSuffix() {
        assertEquals(Optional.of("/inspections/{inspectionId}/{list}.csv"), templates.match("/inspections/1/task-list.csv"));
        assertEquals(Optional.of("/inspections/{inspectionId}/{list}.xlsx"), templates.match("/inspections/1/task-list.xlsx"));
        assertEquals(Optional.empty(), templates.match("/inspections/1/task-list.pdf"));
    }

    @Test
    void aParameterDoesNotCrossASlashNorMatchNothing() {
        assertEquals(Optional.empty(), templates.match("/tasks/7/evidence"));
        assertEquals(Optional.empty(), templates.match("/tasks/"));
        assertEquals(Optional.of("/tasks"), templates.match("/tasks"));
    }
}
