package io.rectification.tasks;

import com.tngtech.archunit.core.domain.JavaClass;
import io.rectification.platform.rest.NoContactDetails;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text staff send to a write of tasks-service, in a JSON body (nested records and lists too) or
 * as a query parameter, is checked for contact details ({@link NoContactDetails}): the service
 * publishes what they write in events, whose topic keeps them for good. A text that is never published
 * is listed below with why; a new field is neither until someone decides. Reads the compiled classes.
 */
@Tag("fast")
class PublishedTextsScreenedTest {

    /** Texts that stay in tasks-service, by record (or resource) and member, and why. */
    private static final Map<String, String> NOT_PUBLISHED = Map.ofEntries(
            Map.entry("AccountabilityInputs$OutcomeCorrection.reason", "kept with the record and its audit entry; the event carries the record"),
            Map.entry("AccountabilityInputs$FundsCorrection.reason", "kept with the entry and its audit entry; the event carries the entry"),
            Map.entry("AccountabilityInputs$WithdrawalReason.reason", "kept with the withdrawn record and its audit entry; the event carries the record"),
            Map.entry("LeadingGroupInput$Person.name", "a staff member's name; LeadingGroupSet carries positions only"),
            Map.entry("LeadingGroupInput$Member.name", "a staff member's name; LeadingGroupSet carries positions only"),
            Map.entry("EvidenceInput.title", "evidence stays in tasks-service; events count it (evidenceCount)"),
            Map.entry("EvidenceInput.reference", "evidence stays in tasks-service; events count it (evidenceCount)"),
            Map.entry("EvidenceResource.filename", "an evidence file's name stays in tasks-service"),
            Map.entry("PlanResource.dryRun", "a flag (true or false), no text"),
            Map.entry("SpreadsheetPlanResource.dryRun", "a flag (true or false), no text"),
            Map.entry("CancellationInput.reason", "kept with what it cancels (撤销) and its audit entry; the events carry cancelledAt only"));

    @Test
    void everyTextOfAWriteIsScreenedOrStaysInTheService() {
        List<String> unscreened = new ArrayList<>();
        TreeSet<String> exempted = new TreeSet<>();
        int checked = 0;
        for (JavaClass resource : PackageStructureTest.CLASSES) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            for (Method method : resource.reflect().getDeclaredMethods()) {
                if (!method.isAnnotationPresent(POST.class) && !method.isAnnotationPresent(PUT.class)
                        && !method.isAnnotationPresent(PATCH.class)) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(QueryParam.class)) {
                        if (parameter.getType() == String.class) {
                            checked++;
                            String name = resource.getSimpleName() + "." + parameter.getAnnotation(QueryParam.class).value();
                            if (NOT_PUBLISHED.containsKey(name)) {
                                exempted.add(name);
                            } else if (!parameter.isAnnotationPresent(NoContactDetails.class)) {
                                unscreened.add(name);
                            }
                        }
                    } else if (!parameter.isAnnotationPresent(PathParam.class) && !parameter.isAnnotationPresent(HeaderParam.class)
                            && !parameter.isAnnotationPresent(Context.class) && !parameter.isAnnotationPresent(BeanParam.class)) {
                        assertTrue(parameter.getType() != String.class, method + " reads its body as a text no one checks");
                        checked += walk(parameter.getType(), unscreened, exempted);
                    }
                }
            }
        }
        assertEquals(List.of(), unscreened, "texts published without the check for contact details");
        assertEquals(new TreeSet<>(NOT_PUBLISHED.keySet()), exempted, "an exemption for a text that no longer exists");
        assertTrue(checked > 40, "the walk found the texts: " + checked);
    }

    /** The texts of a record body, its nested records and lists; answers how many. */
    private static int walk(Class<?> type, List<String> unscreened, TreeSet<String> exempted) {
        if (!type.isRecord()) {
            return 0;
        }
        int texts = 0;
        for (RecordComponent component : type.getRecordComponents()) {
            String name = type.getName().substring(type.getPackageName().length() + 1) + "." + component.getName();
            AnnotatedType annotated = component.getAnnotatedType();
            if (annotated instanceof AnnotatedParameterizedType list) {
                annotated = list.getAnnotatedActualTypeArguments()[0];
                name += "[]";
            }
            if (annotated.getType() == String.class) {
                texts++;
                if (NOT_PUBLISHED.containsKey(name)) {
                    exempted.add(name);
                } else if (!annotated.isAnnotationPresent(NoContactDetails.class)) {
                    unscreened.add(name);
                }
            } else if (annotated.getType() instanceof Class<?> nested) {
                texts += walk(nested, unscreened, exempted);
            }
        }
        return texts;
    }
}
