package io.rectification.feedback;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rectification.platform.testing.RealServices;

/** Every test of this module runs against real PostgreSQL (database feedback_test) and Kafka. */
@QuarkusTestResource(value = RealServices.class, initArgs = @ResourceArg(name = "database", value = "feedback_test"))
public class FeedbackTestServices {
}
