package io.rectification.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The build-time filters of the OpenAPI documents, on a document of one or two operations. */
@Tag("fast")
class DocumentFiltersTest {

    @Test
    void anOperationWithoutARoleIsSaidToBePublicAndOneWithARoleKeepsIt() {
        Operation track = OASFactory.createOperation();
        Operation verify = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt", List.of("supervisor")));
        new PublicOperations().filterOperation(track);
        new PublicOperations().filterOperation(verify);

        assertEquals(List.of(), track.getSecurity());
        assertEquals(List.of("supervisor"), verify.getSecurity().get(0).getScheme("jwt"));
    }

    @Test
    void anOperationNamesTheRolesOfItsAccessNotTheAccessItself() {
        Operation verify = OASFactory.createOperation().addSecurityRequirement(OASFactory.createSecurityRequirement()
                .addScheme("jwt", List.of(io.rectification.platform.security.Access.AUDIT, "personal-data")));
        new AccessScopes().filterOperation(verify);

        assertEquals(List.of("supervisor", "admin", "personal-data"), verify.getSecurity().get(0).getScheme("jwt"));
    }

    @Test
    void aCommandGetsTheRefusalsItsShapeAllowsEachAsProblemDetails() {
        Operation replace = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).required(true))
                .requestBody(OASFactory.createRequestBody())
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
        OpenAPI document = document("/tasks/{id}", replace);
        new ErrorAnswers().filterOpenAPI(document);

        var responses = replace.getResponses().getAPIResponses();
        assertEquals(Set.of("200", "400", "401", "403", "404", "409", "412", "428", "413", "415", "default"),
                responses.keySet());
        responses.forEach((code, response) -> {
            if (!code.equals("200")) {
                assertEquals(Set.of("application/problem+json", "text/html"), response.getContent().getMediaTypes().keySet(), code);
            }
        });
    }

    @Test
    void theProblemSchemaListsTheExtensionMembersAsOptional() {
        OpenAPI document = document("/tasks/{id}", OASFactory.createOperation());
        document.components(OASFactory.createComponents().addSchema("Problem", OASFactory.createSchema()
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
        new ErrorAnswers().filterOpenAPI(document);

        Schema problem = document.getComponents().getSchemas().get("Problem");
        assertEquals(List.of(Schema.SchemaType.INTEGER), problem.getProperties().get("currentVersion").getType());
        assertEquals(List.of(Schema.SchemaType.ARRAY), problem.getProperties().get("allowedTransitions").getType());
        assertEquals("date-time", problem.getProperties().get("reopenedAt").getFormat());
        assertNull(problem.getRequired());
    }

    @Test
    void anOptionalIfMatchGivesNo428AndAReadWithoutParametersNo400() {
        Operation claim = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER));
        Operation list = OASFactory.createOperation();
        OpenAPI document = document("/tasks/{id}/claim", claim);
        document.getPaths().addPathItem("/tasks", OASFactory.createPathItem().GET(list));
        new ErrorAnswers().filterOpenAPI(document);

        assertEquals(Set.of("400", "404", "409", "412", "default"), claim.getResponses().getAPIResponses().keySet());
        assertEquals(Set.of("default"), list.getResponses().getAPIResponses().keySet());
    }

    /** A change of something at a path may meet its state (409); reading it, or creating beside it, does not by shape. */
    @Test
    void aChangeUnderAPathParameterMayConflictAReadOrACreateAtTheRootNot() {
        Operation read = OASFactory.createOperation().addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH));
        Operation create = OASFactory.createOperation().requestBody(OASFactory.createRequestBody());
        Operation close = OASFactory.createOperation().addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH));
        OpenAPI document = document("/feedback", create);
        document.getPaths().addPathItem("/feedback/{id}", OASFactory.createPathItem().GET(read));
        document.getPaths().addPathItem("/feedback/{id}/close", OASFactory.createPathItem().POST(close));
        new ErrorAnswers().filterOpenAPI(document);

        assertEquals(Set.of("400", "404", "default"), read.getResponses().getAPIResponses().keySet());
        assertEquals(Set.of("400", "413", "415", "default"), create.getResponses().getAPIResponses().keySet());
        assertEquals(Set.of("400", "404", "409", "default"), close.getResponses().getAPIResponses().keySet());
        assertEquals("application/problem+json", close.getResponses().getAPIResponse("409").getContent().getMediaTypes()
                .keySet().iterator().next());
    }

    /** Idempotency-Key on the changes that need a role: the header, and 400, 409 and 422 as problem details. */
    @Test
    void aCreateWithARoleDocumentsIdempotencyKeyAndItsRefusalsAPublicOneAndAReadDoNot() {
        Operation create = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt", List.of("coordinator")))
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", OASFactory.createAPIResponse())
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("Duplicate inspection")));
        Operation read = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt", List.of("coordinator")));
        Operation submit = OASFactory.createOperation().security(new java.util.ArrayList<>());
        OpenAPI document = document("/inspections", create);
        document.getPaths().getPathItem("/inspections").GET(read);
        document.getPaths().addPathItem("/publications/{id}/feedback", OASFactory.createPathItem().POST(submit));
        new IdempotentRequests().filterOpenAPI(document);

        Parameter key = create.getParameters().get(0);
        assertEquals("Idempotency-Key", key.getName());
        assertEquals(Parameter.In.HEADER, key.getIn());
        assertEquals(Boolean.FALSE, key.getRequired());
        assertEquals(io.rectification.platform.idempotency.IdempotencyKey.PATTERN, key.getSchema().getPattern());
        var responses = create.getResponses().getAPIResponses();
        assertEquals(Set.of("201", "400", "409", "422"), responses.keySet());
        assertEquals("Duplicate inspection. " + IdempotentRequests.CONFLICT, responses.get("409").getDescription());
        for (String code : List.of("400", "409", "422")) {
            assertEquals(Set.of("application/problem+json", "text/html"), responses.get(code).getContent().getMediaTypes().keySet(), code);
        }
        assertNull(read.getParameters());
        assertNull(submit.getParameters());
        assertNull(submit.getResponses());
    }

    @Test
    void geoReportErrorsKeepTheirShapeWithProblemDetailsBeside() {
        Operation lookUp = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .responses(OASFactory.createAPIResponses().addAPIResponse("404", OASFactory.createAPIResponse()
                        .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()))));
        new ErrorAnswers().filterOpenAPI(document("/open311/v2/requests/{id}.json", lookUp));

        var responses = lookUp.getResponses().getAPIResponses();
        assertEquals(Set.of("404", "default"), responses.keySet());
        assertEquals(Set.of("application/json", "application/problem+json", "text/html"),
                responses.get("404").getContent().getMediaTypes().keySet());
    }

    @Test
    void anOptionalMemberMayBeNullARequiredOneMayNot() {
        Schema view = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("id", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("deadline", OASFactory.createSchema().ref("#/components/schemas/LocalDate"))
                .required(List.of("id"));
        OpenAPI document = OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("View", view));
        new NullableMembers().filterOpenAPI(document);

        Schema filtered = document.getComponents().getSchemas().get("View");
        assertEquals(List.of(Schema.SchemaType.STRING), filtered.getProperties().get("id").getType());
        assertEquals(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL), filtered.getProperties().get("title").getType());
        Schema deadline = filtered.getProperties().get("deadline");
        assertNull(deadline.getRef());
        assertEquals("#/components/schemas/LocalDate", deadline.getAnyOf().get(0).getRef());
        assertEquals(List.of(Schema.SchemaType.NULL), deadline.getAnyOf().get(1).getType());
    }

    @Test
    void requestBodiesStateThePlatformsTextAndNumberRulesResponsesAreLeftAlone() {
        Schema input = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("kind", OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("A"))
                .addProperty("target", OASFactory.createSchema().addType(Schema.SchemaType.NUMBER))
                .addProperty("tags", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        Schema view = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        Operation create = OASFactory.createOperation().requestBody(OASFactory.createRequestBody().content(
                OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Input")))));
        OpenAPI document = document("/tasks", create).components(OASFactory.createComponents()
                .addSchema("Input", input).addSchema("View", view));
        new InputRules().filterOpenAPI(document);

        assertEquals(InputRules.CONTROL_CHARACTER, input.getProperties().get("title").getNot().getPattern());
        assertEquals(List.of(Schema.SchemaType.STRING), input.getProperties().get("title").getNot().getType(),
                "a null (allowed where the member is optional) is not a string holding a control character");
        assertEquals(InputRules.CONTROL_CHARACTER, input.getProperties().get("tags").getItems().getNot().getPattern());
        assertNull(input.getProperties().get("kind").getNot(), "an enumeration says its values already");
        assertEquals(new java.math.BigDecimal("1e15"), input.getProperties().get("target").getExclusiveMaximum());
        assertNull(view.getProperties().get("title").getNot(), "answers are not requests");
        java.util.regex.Pattern control = java.util.regex.Pattern.compile(InputRules.CONTROL_CHARACTER);
        for (char c = 0; c < 0x100; c++) {
            boolean refused = io.rectification.platform.rest.InputLimits.textProblem(String.valueOf(c)) != null;
            assertEquals(refused, control.matcher(String.valueOf(c)).find(), String.format("U+%04X", (int) c));
        }
    }

    @Test
    void aTextThatMustNotBeBlankSaysWhatBlankIs() {
        Schema answer = OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("\\S");
        Schema code = OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^[A-Z]+$");
        Schema input = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("answer", answer).addProperty("code", code);
        Operation create = OASFactory.createOperation().requestBody(OASFactory.createRequestBody().content(
                OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(input))));
        new InputRules().filterOpenAPI(document("/feedback", create));

        assertEquals(io.rectification.platform.text.BlankText.SCHEMA_PATTERN, answer.getPattern(),
                "@NotBlank's \\S, which a no-break or zero-width space would satisfy");
        assertEquals("^[A-Z]+$", code.getPattern());
    }

    @Test
    void aDateInARequestBodyStatesTheYearsTheServicesTake() {
        Schema date = OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date");
        Schema input = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("deadline", OASFactory.createSchema().ref("#/components/schemas/LocalDate"));
        Operation create = OASFactory.createOperation().requestBody(OASFactory.createRequestBody().content(
                OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(input))));
        OpenAPI document = document("/tasks", create).components(OASFactory.createComponents().addSchema("LocalDate", date));
        new InputRules().filterOpenAPI(document);

        assertEquals(InputRules.DATE_YEARS, date.getPattern());
        java.util.regex.Pattern years = java.util.regex.Pattern.compile(InputRules.DATE_YEARS);
        for (int year = 1000; year <= 9999; year++) {
            java.time.LocalDate first = java.time.LocalDate.of(year, 1, 1);
            java.time.LocalDate last = java.time.LocalDate.of(year, 12, 31);
            boolean taken = io.rectification.platform.rest.InputLimits.dateProblem(first) == null;
            assertEquals(taken, io.rectification.platform.rest.InputLimits.dateProblem(last) == null, "a year is taken whole");
            assertEquals(taken, years.matcher(first.toString()).find(), first.toString());
        }
    }

    private static OpenAPI document(String path, Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().POST(operation)));
    }
}
