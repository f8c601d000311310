package io.rectification.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rectification.platform.testing.RealServices;

/** Every test of this module runs against real PostgreSQL (database reporting_test) and Kafka. */
@QuarkusTestResource(value = RealServices.class, initArgs = @ResourceArg(name = "database", value = "reporting_test"))
public class ReportingTestServices {
}
