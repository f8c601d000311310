package io.rectification.tasks.accountability;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import io.rectification.platform.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * 追责问责 and 追回/挽回 figures of an inspection, each from a document; never names of the people handled. A
 * record entered by mistake is withdrawn (撤销登记), not deleted: it stays on its audit trail and in the lists.
 */
@Path("/inspections/{inspectionId}/accountability")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accountability", description = "追责问责 and 追回资金 / 挽回损失: outcomes and figures, each from a document, never the names of the people handled")
public class AccountabilityResource {

    private final AccountabilityService service;
    private final CurrentActor actor;

    public AccountabilityResource(AccountabilityService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "The inspection's accountability outcomes and recovered funds, with totals by kind")
    @RolesAllowed(Access.READ)
    public AccountabilityViews.Summary summary(@PathParam("inspectionId") UUID inspectionId) {
        return service.summary(inspectionId);
    }

    @POST
    @Path("outcomes")
    @Operation(summary = "Record people held accountable (问责): kind, count, date, source document; optionally the problem")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "the record; Location is the record, ETag its version",
            content = @Content(schema = @Schema(implementation = AccountabilityViews.Outcome.class)))
    public Response recordOutcome(@PathParam("inspectionId") UUID inspectionId,
                                  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                          examples = @ExampleObject(name = "three people admonished", value = """
                                                  {
                                                    "kind": "ADMONISHMENT_TALK",
                                                    "people": 3,
                                                    "decidedOn": "2026-08-15",
                                                    "source": "开发区纪工委《关于巡视反馈问题责任追究情况的通报》"
                                                  }""")))
                                  @NotNull @Valid AccountabilityInputs.Outcome input, @Context UriInfo uri) {
        AccountabilityViews.Outcome outcome = service.recordOutcome(inspectionId, input);
        return created(uri, outcome, outcome.id(), outcome.version());
    }

    @GET
    @Path("outcomes/{outcomeId}")
    @Operation(summary = "One accountability outcome; its ETag is the version a correction names in If-Match")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "the record",
            content = @Content(schema = @Schema(implementation = AccountabilityViews.Outcome.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    public Response outcome(@PathParam("inspectionId") UUID inspectionId, @PathParam("outcomeId") UUID outcomeId,
                            @HeaderParam("If-None-Match") String ifNoneMatch) {
        AccountabilityViews.Outcome outcome = service.outcome(inspectionId, outcomeId);
        return Versions.current(outcome, outcome.version(), ifNoneMatch);
    }

    @PUT
    @Path("outcomes/{outcomeId}")
    @Operation(summary = "Correct a recorded outcome (the record as it should read, and why); needs If-Match with its ETag."
            + " The totals and the report follow (event AccountabilityOutcomeCorrected); the earlier version stays in the audit trail")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the record as corrected; its ETag is the new version",
            content = @Content(schema = @Schema(implementation = AccountabilityViews.Outcome.class)))
    public Response correctOutcome(@PathParam("inspectionId") UUID inspectionId, @PathParam("outcomeId") UUID outcomeId,
                                   @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                                   @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           examples = @ExampleObject(name = "a fourth person added", value = """
                                                   {
                                                     "outcome": {
                                                       "kind": "ADMONISHMENT_TALK",
                                                       "people": 4,
                                                       "decidedOn": "2026-08-15",
                                                       "source": "开发区纪工委《关于巡视反馈问题责任追究情况的通报》"
                                                     },
                                                     "reason": "通报补充一名被诫勉谈话人员，人数更正为4人"
                                                   }""")))
                                   @NotNull @Valid AccountabilityInputs.OutcomeCorrection correction) {
        return tagged(service.correctOutcome(inspectionId, outcomeId, Versions.required(ifMatch), correction),
                AccountabilityViews.Outcome::version);
    }

    @POST
    @Path("outcomes/{outcomeId}/withdrawal")
    @Operation(summary = "Withdraw an outcome entered by mistake (撤销登记: recorded twice, or for another inspection) with"
            + " a reason; needs If-Match with its ETag. The record stays, state WITHDRAWN, in no total (event"
            + " AccountabilityOutcomeWithdrawn); 409 once withdrawn, for a correction too")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the record as withdrawn; its ETag is the new version",
            content = @Content(schema = @Schema(implementation = AccountabilityViews.Outcome.class)))
    public Response withdrawOutcome(@PathParam("inspectionId") UUID inspectionId, @PathParam("outcomeId") UUID outcomeId,
                                    @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                                    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "entered twice", value = """
                                                    {
                                                      "reason": "网络超时后重复提交，与同一通报的记录重复"
                                                    }""")))
                                    @NotNull @Valid AccountabilityInputs.WithdrawalReason withdrawal) {
        String withdrawer = actor.require();
        return tagged(service.withdrawOutcome(inspectionId, outcomeId, Versions.required(ifMatch), withdrawal.reason(),
                withdrawer), AccountabilityViews.Outcome::version);
    }

    @POST
    @Path("funds")
    @Operation(summary = "Record funds recovered (追回资金) or losses retrieved (挽回损失) in 万元, with the source document")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "the record; Location is the record, ETag its version",
            content = @Content(schema = @Schema(implementation = AccountabilityViews.Funds.class)))
    public Response recordFunds(@PathParam("inspectionId") UUID inspectionId,
                                @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        examples = @ExampleObject(name = "funds recovered", value = """
                                                {
                                                  "kind": "RECOVERED_FUNDS",
                                                  "amountWanYuan": 128.5,
                                                  "recordedOn": "2026-09-10",
                                                  "source": "开发区财政局违规资金收缴凭证汇总表"
                                                }""")))
                                @NotNull @Valid AccountabilityInputs.Funds input, @Context UriInfo uri) {
        AccountabilityViews.Funds funds = service.recordFunds(inspectionId, input);
        return created(uri, funds, funds.id(), funds.version());
    }

    @GET
    @Path("funds/{fundsId}")
    @Operation(summary = "One recovered-funds entry (追回资金 / 挽回损失); its ETag is the version a correction names in If-Match")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "the entry",
            content = @Content(schema = @Schema(implementation = AccountabilityViews.Funds.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    public Response funds(@PathParam("inspectionId") UUID inspectionId, @PathParam("fundsId") UUID fundsId,
                          @HeaderParam("If-None-Match") String ifNoneMatch) {
        AccountabilityViews.Funds funds = service.funds(inspectionId, fundsId);
        return Versions.current(funds, funds.version(), ifNoneMatch);
    }

    @PUT
    @Path("funds/{fundsId}")
    @Operation(summary = "Correct a recorded amount (the entry as it should read, and why); needs If-Match with its ETag."
            + " The totals and the report follow (event RecoveredFundsCorrected); the earlier version stays in the audit trail")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the entry as corrected; its ETag is the new version",
            content = @Content(schema = @Schema(implementation = AccountabilityViews.Funds.class)))
    public Response correctFunds(@PathParam("inspectionId") UUID inspectionId, @PathParam("fundsId") UUID fundsId,
                                 @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                                 @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                         examples = @ExampleObject(name = "the amount corrected", value = """
                                                 {
                                                   "funds": {
                                                     "kind": "RECOVERED_FUNDS",
                                                     "amountWanYuan": 132.75,
                                                     "recordedOn": "2026-09-10",
                                                     "source": "开发区财政局违规资金收缴凭证汇总表"
                                                   },
                                                   "reason": "财政局复核收缴凭证，金额更正为132.75万元"
                                                 }""")))
                                 @NotNull @Valid AccountabilityInputs.FundsCorrection correction) {
        return tagged(service.correctFunds(inspectionId, fundsId, Versions.required(ifMatch), correction),
                AccountabilityViews.Funds::version);
    }

    @POST
    @Path("funds/{fundsId}/withdrawal")
    @Operation(summary = "Withdraw an amount entered by mistake (撤销登记), as an outcome is; needs If-Match with its ETag."
            + " The entry stays, state WITHDRAWN, in no total (event RecoveredFundsWithdrawn); 409 once withdrawn")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the entry as withdrawn; its ETag is the new version",
            content = @Content(schema = @Schema(implementation = AccountabilityViews.Funds.class)))
    public Response withdrawFunds(@PathParam("inspectionId") UUID inspectionId, @PathParam("fundsId") UUID fundsId,
                                  @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                                  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                          examples = @ExampleObject(name = "entered twice", value = """
                                                  {
                                                    "reason": "同一收缴凭证重复录入"
                                                  }""")))
                                  @NotNull @Valid AccountabilityInputs.WithdrawalReason withdrawal) {
        String withdrawer = actor.require();
        return tagged(service.withdrawFunds(inspectionId, fundsId, Versions.required(ifMatch), withdrawal.reason(),
                withdrawer), AccountabilityViews.Funds::version);
    }

    /** A correctable record answers with its version as ETag, for the next If-Match. */
    private static <V> Response tagged(V record, ToLongFunction<V> version) {
        return Response.ok(record).tag(Versions.etag(version.applyAsLong(record))).build();
    }

    /** A new record answers as a read of it would: Location is the record, ETag its version for a correction's If-Match. */
    private static Response created(UriInfo uri, Object record, UUID id, long version) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build()).entity(record)
                .tag(Versions.etag(version)).build();
    }
}
