package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class OpenApiHousekeepingTest {

    @Test
    void aTidyDocumentHasNoFindings() throws Exception {
        assertEquals(List.of(), OpenApiHousekeeping.findings(new ObjectMapper().readTree("""
                {"servers": [{"url": ".."}],
                 "tags": [{"name": "Tasks", "description": "整改任务"}],
                 "paths": {"/tasks": {"parameters": [],
                   "get": {"operationId": "TaskResource_list", "tags": ["Tasks"], "security": [{"bearer": ["officer"]}]},
                   "post": {"operationId": "TaskResource_create", "security": []}}}}""")));
    }

    @Test
    void eachMissingPieceIsNamed() throws Exception {
        assertEquals(List.of(
                "no servers",
                "GET /a: no operationId",
                "PUT /a: no security (an empty list when public)",
                "GET /b: operationId same is also PUT /a's",
                "tag Meetings: no description",
                "tag Tasks: no description"), OpenApiHousekeeping.findings(new ObjectMapper().readTree("""
                {"tags": [{"name": "Tasks"}],
                 "paths": {
                   "/a": {"get": {"security": [], "tags": ["Tasks"]}, "put": {"operationId": "same"}},
                   "/b": {"get": {"operationId": "same", "security": [], "tags": ["Meetings"]}}}}""")));
    }
}
